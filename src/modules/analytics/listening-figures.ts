import { sql } from 'kysely';
import type { Reader } from './scope.js';
import { FORMULAS, figure, int, percent } from './figures.js';
import type { ListeningFigures, Period, Scope } from './types.js';
import { periodDays } from './time.js';
import { periodParts } from './rollups/days.js';
import { rowsByColumns } from './columns.js';

export interface ListeningTotals {
  volume: number;
  positive: number;
  negative: number;
}

const SENTIMENT_SQL = sql`count(*) as volume, sum(case when m.sentiment = 'positive' then 1 else 0 end) as positive,
  sum(case when m.sentiment = 'negative' then 1 else 0 end) as negative`;

/**
 * Mentions stored in a period (each once, whatever the number of topics it matched) by sentiment, per local day:
 * whole days from the daily mention rollup, parts of days from the mentions.
 */
export async function listeningDays(r: Reader, scope: Scope, period: Period): Promise<Map<string, ListeningTotals>> {
  return (await listeningDaysOf(r, scope, [period]))[0]!;
}

/**
 * The same for several periods (a dashboard's and the one it compares with), in one query. A period not `daily`
 * (one whose days are only summed) comes back as one entry, its sum, under the day ''.
 */
export async function listeningDaysOf(r: Reader, scope: Scope, periods: readonly Period[], daily: readonly boolean[] = periods.map(() => true)): Promise<Array<Map<string, ListeningTotals>>> {
  const parts = periods.map((p) => periodParts(p, r.zone));
  const network = (alias: 'm' | 'd') => (scope.network ? sql`and ${sql.ref(`${alias}.network`)} = ${scope.network}` : sql``);
  // Each row says which period it answers. A period's whole days are one range of the rollup's index, grouped by
  // day as they are read, or summed at once; its parts of days come from the mentions.
  const selects = parts.flatMap((p, i) => [
    ...(p.days ? [daily[i]
      ? sql`select ${sql.lit(String(i))} as part, d.day, sum(d.volume) as volume, sum(d.positive) as positive, sum(d.negative) as negative
        from analytics_mention_days d where d.workspace_id = ${scope.workspaceId} and d.day >= ${p.days.first} and d.day <= ${p.days.last} ${network('d')} group by d.day`
      : sql`select ${sql.lit(String(i))} as part, cast('' as text) as day, sum(d.volume) as volume, sum(d.positive) as positive, sum(d.negative) as negative
        from analytics_mention_days d where d.workspace_id = ${scope.workspaceId} and d.day >= ${p.days.first} and d.day <= ${p.days.last} ${network('d')}`] : []),
    ...p.edges.map((e) => sql`select ${sql.lit(String(i))} as part, cast(${daily[i] ? e.day : ''} as text) as day, ${SENTIMENT_SQL} from listening_mentions m
      where m.workspace_id = ${scope.workspaceId} and m.created_at >= ${e.start} and m.created_at < ${e.end} ${network('m')}`),
  ]);
  const out = periods.map(() => new Map<string, ListeningTotals>());
  if (selects.length === 0) return out;
  const rows = await rowsByColumns(r, sql`${sql.join(selects, sql` union all `)}`, ['part', 'day', 'volume', 'positive', 'negative']);
  for (const row of rows) {
    const into = out[Number(row.part)]!;
    const day = String(row.day);
    const d = into.get(day) ?? into.set(day, { volume: 0, positive: 0, negative: 0 }).get(day)!;
    d.volume += int(row.volume);
    d.positive += int(row.positive);
    d.negative += int(row.negative);
  }
  return out;
}

export function sumOfDays(days: Map<string, ListeningTotals>): ListeningTotals {
  const t = { volume: 0, positive: 0, negative: 0 };
  for (const d of days.values()) (t.volume += d.volume, t.positive += d.positive, t.negative += d.negative);
  return t;
}

/** Mentions stored in a period, by sentiment. */
export async function listeningTotals(r: Reader, scope: Scope, period: Period): Promise<ListeningTotals> {
  return sumOfDays(await listeningDays(r, scope, period));
}

/** Mentions per local day by sentiment; neutral is what is neither positive nor negative. */
export function sentimentOfDays(r: Reader, period: Period, byDay: Map<string, ListeningTotals>): ListeningFigures['sentimentByDay'] {
  return periodDays(period, r.zone).days.map((day) => {
    const d = byDay.get(day) ?? { volume: 0, positive: 0, negative: 0 };
    return { day, positive: d.positive, neutral: d.volume - d.positive - d.negative, negative: d.negative };
  });
}

export async function sentimentByDay(r: Reader, scope: Scope, period: Period): Promise<ListeningFigures['sentimentByDay']> {
  return sentimentOfDays(r, period, await listeningDays(r, scope, period));
}

/**
 * Topics' mentions in a period: whole days from the daily topic rollup, parts of days from the per-minute counts
 * (a minute counts when it starts in the period, as a minute's row cannot be split).
 */
export async function topicSums(r: Reader, topicIds: readonly string[], period: Period): Promise<Map<string, { total: number; positive: number }>> {
  const out = new Map<string, { total: number; positive: number }>();
  if (topicIds.length === 0) return out;
  const { days, edges } = periodParts(period, r.zone);
  const ids = sql.join([...topicIds]);
  const minutes = (from: number, to: number) => sql<Record<string, unknown>>`select t.topic_id, sum(t.total) as total, sum(t.positive) as positive
    from listening_topic_minutes t where t.topic_id in (${ids}) and t.minute >= ${from} and t.minute < ${to} group by t.topic_id`.execute(r.db);
  const results = await Promise.all([
    days ? sql<Record<string, unknown>>`select t.topic_id, sum(t.total) as total, sum(t.positive) as positive from analytics_topic_days t
      where t.topic_id in (${ids}) and t.day >= ${days.first} and t.day <= ${days.last} group by t.topic_id`.execute(r.db) : { rows: [] },
    // Day starts are whole minutes; the period's own ends are rounded out to the minutes they fall in.
    ...edges.map((e) => minutes(e.start === period.start ? Math.floor(e.start / 60_000) : e.start / 60_000, e.end === period.end ? Math.ceil(e.end / 60_000) : e.end / 60_000)),
  ]);
  for (const row of results.flatMap((q) => q.rows)) {
    const id = String(row.topic_id);
    const t = out.get(id) ?? out.set(id, { total: 0, positive: 0 }).get(id)!;
    t.total += int(row.total);
    t.positive += int(row.positive);
  }
  return out;
}

export interface VoiceTopic {
  id: string;
  name: string;
  kind: string;
  color: string;
}

/** The topics share of voice compares: the workspace's brand and competitor topics still followed. */
export function voiceTopics(db: Reader['db'], workspaceId: string): Promise<VoiceTopic[]> {
  return db.selectFrom('listening_topics').select(['id', 'name', 'kind', 'color'])
    .where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).where('kind', 'in', ['brand', 'competitor']).orderBy('id').execute();
}

/** Share of voice: each brand or competitor topic's mentions ÷ all mentions of the brand and competitor topics × 100. */
export async function shareOfVoiceOf(r: Reader, topics: readonly VoiceTopic[], period: Period): Promise<ListeningFigures['shareOfVoice']> {
  if (topics.length === 0) return [];
  const sums = await topicSums(r, topics.map((t) => t.id), period);
  const mentions = (id: string) => sums.get(id)?.total ?? 0;
  const all = topics.reduce((s, t) => s + mentions(t.id), 0);
  return topics
    .map((t) => ({ topicId: t.id, name: t.name, kind: t.kind, color: t.color, mentions: mentions(t.id), share: percent(mentions(t.id), all) ?? 0 }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export async function shareOfVoice(r: Reader, workspaceId: string, period: Period): Promise<ListeningFigures['shareOfVoice']> {
  return shareOfVoiceOf(r, await voiceTopics(r.db, workspaceId), period);
}

export function listeningFigures(now: ListeningTotals, before: ListeningTotals, sov: ListeningFigures['shareOfVoice'], byDay: ListeningFigures['sentimentByDay']): ListeningFigures {
  return {
    volume: figure(now.volume, before.volume, FORMULAS.listeningVolume),
    positiveShare: figure(percent(now.positive, now.volume), percent(before.positive, before.volume), FORMULAS.positiveShare),
    negativeShare: figure(percent(now.negative, now.volume), percent(before.negative, before.volume), FORMULAS.listeningNegativeShare),
    shareOfVoice: sov,
    sentimentByDay: byDay,
  };
}
