import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { AppContext } from '../../context.js';
import { evaluateRadar, MinuteSeries, type RadarState } from './radar/index.js';
import { DEFAULT_RADAR_SETTINGS, type RadarSettings } from './radar/settings.js';
import type { StoredMention } from './mention-store.js';
import type { TopicRow } from './topics.js';
import { raiseAlert } from './alerts.js';

/** Days of per-minute counts the radar reads: four weeks of same-weekday windows and a margin. */
const HISTORY_DAYS = 30;
/** A topic is judged at most this often (simulated time in tests): a burst of small batches is judged once. */
const EVALUATE_EVERY_MS = 5_000;
/**
 * Counts stored by other processes (several workers) reach this process's series when it reads them again. One
 * process (the default) counts everything itself as it stores it.
 */
const RELOAD_EVERY_MS = 10 * 60_000;
/**
 * Series kept per process, the least recent going first, bounded by what they weigh: a busy topic's month of minutes
 * is 675 blocks (a few hundred kilobytes), a quiet one's a few. The budget is what 300 busy topics take; a
 * workspace's hundreds of topics fit in it unless all are busy every minute, rather than each being read again from
 * the store whenever it is judged.
 */
const MAX_TRACKED_BLOCKS = 300 * 675;
/** And by number, for the maps' own weight. */
const MAX_TRACKED = 5_000;

interface Tracked {
  series: MinuteSeries;
  loadedAt: number;
  evaluatedAt: number;
}

const trackedByStore = new WeakMap<object, Map<string, Tracked>>();

function trackedOf(ctx: AppContext): Map<string, Tracked> {
  let map = trackedByStore.get(ctx.store.db);
  if (!map) trackedByStore.set(ctx.store.db, (map = new Map()));
  return map;
}

export function settingsOf(topic: Pick<TopicRow, 'sensitivity' | 'cooldown_minutes' | 'min_mentions'>): RadarSettings {
  return { ...DEFAULT_RADAR_SETTINGS, sensitivity: topic.sensitivity, cooldownMinutes: Number(topic.cooldown_minutes), minMentions: Number(topic.min_mentions) };
}

function stateOf(topic: Pick<TopicRow, 'radar_state'>): RadarState | null {
  if (!topic.radar_state) return null;
  try {
    return JSON.parse(topic.radar_state) as RadarState;
  } catch {
    return null;
  }
}

async function load(ctx: AppContext, topic: Pick<TopicRow, 'id' | 'created_at'>, now: number): Promise<Tracked> {
  const from = Math.floor(now / 60_000) - HISTORY_DAYS * 1440;
  const rows = await ctx.store.db.selectFrom('listening_topic_minutes').select(['minute', 'total', 'negative', 'positive'])
    .where('topic_id', '=', topic.id).where('minute', '>=', from).orderBy('minute').execute();
  // Listening began when the topic was made, or with the oldest mention a backfill brought, whichever is first.
  const since = Math.max(from, Math.min(Math.floor(Number(topic.created_at) / 60_000), rows.length > 0 ? Number(rows[0].minute) : Infinity));
  const series = new MinuteSeries({ since });
  for (const r of rows) series.add(Number(r.minute), { total: Number(r.total), negative: Number(r.negative), positive: Number(r.positive) });
  return { series, loadedAt: now, evaluatedAt: 0 };
}

async function trackedTopic(ctx: AppContext, topic: Pick<TopicRow, 'id' | 'created_at'>, now: number): Promise<Tracked> {
  const map = trackedOf(ctx);
  let t = map.get(topic.id);
  if (!t || now - t.loadedAt > RELOAD_EVERY_MS) {
    t = await load(ctx, topic, now);
    map.delete(topic.id);
    let blocks = t.series.blockCount;
    for (const kept of map.values()) blocks += kept.series.blockCount;
    while (map.size > 0 && (map.size >= MAX_TRACKED || blocks > MAX_TRACKED_BLOCKS)) {
      const [oldest, kept] = map.entries().next().value!;
      blocks -= kept.series.blockCount;
      map.delete(oldest);
    }
    map.set(topic.id, t);
  }
  return t;
}

/** What the topic's radar says now, for the topic list; nothing is stored. */
export async function radarStatusOf(ctx: AppContext, topic: TopicRow, now: number) {
  const t = await trackedTopic(ctx, topic, now);
  const v = evaluateRadar(t.series, Math.floor(now / 60_000), settingsOf(topic), stateOf(topic));
  return { status: v.status, historyDays: v.historyDays, neededDays: v.neededDays };
}

/** Counts what a batch stored into the series this process keeps (series not loaded yet will read it from the store). */
export function countStored(ctx: AppContext, stored: readonly StoredMention[]): Set<string> {
  const map = trackedOf(ctx);
  const touched = new Set<string>();
  // A series adds a count to the rest of its block: a topic's mentions of one minute in a row are added as one count.
  const pending = new Map<MinuteSeries, { minute: number; total: number; negative: number; positive: number }>();
  for (const m of stored) {
    const minute = Math.floor(m.post.createdAt / 60_000);
    const label = m.analysis.sentiment.label;
    for (const topicId of m.topicIds) {
      touched.add(topicId);
      const series = map.get(topicId)?.series;
      if (!series) continue;
      let run = pending.get(series);
      if (run && run.minute !== minute) {
        series.add(run.minute, run);
        run = undefined;
      }
      if (!run) pending.set(series, (run = { minute, total: 0, negative: 0, positive: 0 }));
      run.total++;
      if (label === 'negative') run.negative++;
      else if (label === 'positive') run.positive++;
    }
  }
  for (const [series, run] of pending) series.add(run.minute, run);
  return touched;
}

/**
 * Judges the topics a batch touched against their seasonal baselines and raises the alerts the radar calls for.
 * The radar's memory (cooldowns) is stored with the topic whenever it changes.
 */
export async function judgeTopics(ctx: AppContext, workspaceId: string, topicIds: Iterable<string>, now = ctx.clock.now()): Promise<string[]> {
  const ids = [...topicIds];
  if (ids.length === 0) return [];
  const map = trackedOf(ctx);
  const due = ids.filter((id) => {
    const t = map.get(id);
    return !t || now - t.evaluatedAt >= EVALUATE_EVERY_MS;
  });
  if (due.length === 0) return [];
  const topics = await ctx.store.db.selectFrom('listening_topics').selectAll()
    .where('workspace_id', '=', workspaceId).where('id', 'in', due).where('archived_at', 'is', null).execute();
  const judged = [];
  const changed = new Map<string, string>();
  for (const topic of topics) {
    const t = await trackedTopic(ctx, topic, now);
    t.evaluatedAt = now;
    const verdict = evaluateRadar(t.series, Math.floor(now / 60_000), settingsOf(topic), stateOf(topic));
    const after = JSON.stringify(verdict.state);
    if (after !== topic.radar_state) changed.set(topic.id, after);
    judged.push({ topic, t, verdict });
  }
  // The memories first, all in one statement, then the alerts they remember.
  await saveRadarStates(ctx.store.db, changed);
  const raised: string[] = [];
  for (const { topic, t, verdict } of judged) {
    if (Number(topic.alerts_enabled) !== 1) continue;
    for (const signal of verdict.alerts) {
      raised.push(await raiseAlert(ctx, topic, signal, t.series, now));
    }
  }
  return raised;
}

async function saveRadarStates(db: Kysely<Database>, states: ReadonlyMap<string, string>): Promise<void> {
  if (states.size === 0) return;
  const ids = [...states.keys()].sort();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.executeQuery(CompiledQuery.raw(
      'update "listening_topics" as t set "radar_state" = s.state from unnest($1::text[], $2::text[]) as s(id, state) where t."id" = s.id',
      [ids, ids.map((id) => states.get(id)!)],
    ));
    return;
  }
  for (const id of ids) await db.updateTable('listening_topics').set({ radar_state: states.get(id)! }).where('id', '=', id).execute();
}

/** Forgets the series kept in this process (tests replaying history, a topic's counts rewritten). */
export function forgetSeries(ctx: AppContext): void {
  trackedOf(ctx).clear();
}
