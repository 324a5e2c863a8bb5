import type { Kysely } from 'kysely';
import type { IANAZone } from 'luxon';
import type { Database } from '../../../store/schema.js';
import type { AnalyticsMentionDayTable, AnalyticsTopicDayTable } from '../../../store/analytics-schema.js';
import { localDay } from '../time.js';
import { rollupZone } from './zone.js';
import { bumpVersions } from './version.js';

/** A mention as the listening figures count it. */
export interface HeardMention {
  network: string;
  /** When it was published (epoch ms). */
  createdAt: number;
  sentiment: string;
}

/** A topic's counts in a minute, as added to listening_topic_minutes. */
export interface TopicMinuteCount {
  topic_id: string;
  minute: number;
  total: number;
  negative: number;
  positive: number;
}

const byKey = <T>(rows: Map<string, T>) => [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);

/** Counts new mentions in the daily mention rollup (per day and network), inside the transaction that stores them. */
export async function countMentionDays(trx: Kysely<Database>, workspaceId: string, mentions: readonly HeardMention[]): Promise<void> {
  if (mentions.length === 0) return;
  const zone = await rollupZone(trx, workspaceId);
  await bumpVersions(trx, [workspaceId]);
  await addMentionDays(trx, workspaceId, zone, mentions);
}

/**
 * As countMentionDays, for a writer that read the workspace's zone with `rollupZone` in its transaction already and
 * moves the analytics version on itself (listening's store, once per batch, after its commit).
 */
export async function addMentionDays(trx: Kysely<Database>, workspaceId: string, zone: IANAZone, mentions: readonly HeardMention[]): Promise<void> {
  if (mentions.length === 0) return;
  const days = new Map<string, AnalyticsMentionDayTable>();
  for (const m of mentions) {
    const day = localDay(m.createdAt, zone);
    const key = `${day}\u0000${m.network}`;
    const d = days.get(key) ?? days.set(key, { workspace_id: workspaceId, day, network: m.network, volume: 0, positive: 0, negative: 0 }).get(key)!;
    d.volume += 1;
    d.positive += m.sentiment === 'positive' ? 1 : 0;
    d.negative += m.sentiment === 'negative' ? 1 : 0;
  }
  const rows = byKey(days);
  for (let i = 0; i < rows.length; i += 1000) {
    await trx.insertInto('analytics_mention_days').values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['workspace_id', 'day', 'network']).doUpdateSet((eb) => ({
        volume: eb('analytics_mention_days.volume', '+', eb.ref('excluded.volume')),
        positive: eb('analytics_mention_days.positive', '+', eb.ref('excluded.positive')),
        negative: eb('analytics_mention_days.negative', '+', eb.ref('excluded.negative')),
      }))).execute();
  }
}

/** Adds topics' per-minute counts to their days, inside the transaction that adds them to the minutes. */
export async function countTopicMinutes(trx: Kysely<Database>, workspaceId: string, counts: readonly TopicMinuteCount[]): Promise<void> {
  if (counts.length === 0) return;
  const zone = await rollupZone(trx, workspaceId);
  await bumpVersions(trx, [workspaceId]);
  await addTopicDays(trx, zone, counts);
}

/** As countTopicMinutes, with the zone already read and the version moved on by the caller (see addMentionDays). */
export async function addTopicDays(trx: Kysely<Database>, zone: IANAZone, counts: readonly TopicMinuteCount[]): Promise<void> {
  if (counts.length === 0) return;
  const days = new Map<string, AnalyticsTopicDayTable>();
  for (const c of counts) {
    const day = localDay(c.minute * 60_000, zone);
    const key = `${c.topic_id}\u0000${day}`;
    const d = days.get(key) ?? days.set(key, { topic_id: c.topic_id, day, total: 0, positive: 0, negative: 0 }).get(key)!;
    d.total += c.total;
    d.positive += c.positive;
    d.negative += c.negative;
  }
  const rows = byKey(days);
  for (let i = 0; i < rows.length; i += 1000) {
    await trx.insertInto('analytics_topic_days').values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['topic_id', 'day']).doUpdateSet((eb) => ({
        total: eb('analytics_topic_days.total', '+', eb.ref('excluded.total')),
        positive: eb('analytics_topic_days.positive', '+', eb.ref('excluded.positive')),
        negative: eb('analytics_topic_days.negative', '+', eb.ref('excluded.negative')),
      }))).execute();
  }
}
