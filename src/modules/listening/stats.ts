import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { countTerms, risingTerms } from './radar/index.js';
import { listTopics, type TopicRow } from './topics.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Mentions read to count words in each period: enough for the ranking, bounded for a huge topic. */
const TERM_SAMPLE = 5_000;

export interface StatsRange {
  topicIds?: string[];
  from?: number;
  to?: number;
  bucket?: 'hour' | 'day';
}

/** The period asked, the week to now by default; hours up to three days, days beyond. */
export function rangeOf(q: StatsRange, now: number) {
  const to = q.to ?? now;
  const from = q.from ?? to - 7 * DAY;
  const bucket = q.bucket ?? (to - from <= 3 * DAY ? 'hour' : 'day');
  return { from: Math.min(from, to), to, bucket, step: bucket === 'hour' ? HOUR : DAY };
}

async function topicsAsked(db: Kysely<Database>, workspaceId: string, ids: string[] | undefined): Promise<TopicRow[]> {
  const all = await listTopics(db, workspaceId);
  return ids && ids.length > 0 ? all.filter((t) => ids.includes(t.id)) : all;
}

/** Volume and sentiment per topic over time, from the per-minute counts; empty buckets are zeros. */
async function volume(db: Kysely<Database>, topics: TopicRow[], range: ReturnType<typeof rangeOf>) {
  const minutesPerStep = range.step / 60_000;
  const first = Math.floor(range.from / range.step);
  const last = Math.floor((range.to - 1) / range.step);
  const buckets = Array.from({ length: Math.max(0, Math.min(last - first + 1, 2000)) }, (_, i) => new Date((first + i) * range.step).toISOString());
  if (topics.length === 0) return { buckets, series: [] };
  const rows = await db.selectFrom('listening_topic_minutes')
    .select(['topic_id', sql<number>`minute / ${sql.lit(minutesPerStep)}`.as('b'),
      (eb) => eb.fn.sum<number>('total').as('total'), (eb) => eb.fn.sum<number>('negative').as('negative'), (eb) => eb.fn.sum<number>('positive').as('positive')])
    .where('topic_id', 'in', topics.map((t) => t.id))
    .where('minute', '>=', Math.floor(range.from / 60_000)).where('minute', '<', Math.ceil(range.to / 60_000))
    .groupBy(['topic_id', sql`minute / ${sql.lit(minutesPerStep)}`]).execute();
  const series = topics.map((t) => {
    const total = new Array(buckets.length).fill(0);
    const negative = new Array(buckets.length).fill(0);
    const positive = new Array(buckets.length).fill(0);
    for (const r of rows) {
      if (r.topic_id !== t.id) continue;
      const i = Math.floor(Number(r.b)) - first;
      if (i < 0 || i >= buckets.length) continue;
      total[i] += Number(r.total);
      negative[i] += Number(r.negative);
      positive[i] += Number(r.positive);
    }
    return { topicId: t.id, name: t.name, color: t.color, kind: t.kind, total, negative, positive };
  });
  return { buckets, series };
}

function inRange(db: Kysely<Database>, workspaceId: string, topicIds: string[], from: number, to: number) {
  return db.selectFrom('listening_mentions as m').where('m.workspace_id', '=', workspaceId).where('m.created_at', '>=', from).where('m.created_at', '<', to)
    .where((eb) => eb.exists(eb.selectFrom('listening_mention_topics as mt').select('mt.mention_id').whereRef('mt.mention_id', '=', 'm.id').where('mt.topic_id', 'in', topicIds)));
}

async function termCounts(db: Kysely<Database>, workspaceId: string, topicIds: string[], from: number, to: number) {
  const rows = await inRange(db, workspaceId, topicIds, from, to).select('m.terms').orderBy('m.created_at', 'desc').limit(TERM_SAMPLE).execute();
  return countTerms(rows);
}

/** Keywords, hashtags and sites that rose in the period against the period of the same length before it. */
async function rising(db: Kysely<Database>, workspaceId: string, topicIds: string[], range: ReturnType<typeof rangeOf>) {
  const span = range.to - range.from;
  const [recent, before] = await Promise.all([
    termCounts(db, workspaceId, topicIds, range.from, range.to),
    termCounts(db, workspaceId, topicIds, range.from - span, range.from),
  ]);
  const found = risingTerms(recent, before, 60);
  const pick = (test: (t: string) => boolean) => found.filter((r) => test(r.term)).slice(0, 15);
  return {
    hashtags: pick((t) => t.startsWith('#')),
    links: pick((t) => !t.startsWith('#') && t.includes('.') && !t.includes(' ')),
    keywords: pick((t) => !t.startsWith('#') && !(t.includes('.') && !t.includes(' '))),
  };
}

/**
 * The authors to know: who spoke most about the topics, how far they reach (followers) and how much their mentions
 * were shared; relevance weighs the three so that a big account mentioning once and a small one mentioning daily
 * both surface.
 */
async function topAuthors(db: Kysely<Database>, workspaceId: string, topicIds: string[], range: ReturnType<typeof rangeOf>) {
  const rows = await inRange(db, workspaceId, topicIds, range.from, range.to).innerJoin('inbox_authors as a', 'a.id', 'm.author_id')
    .select(['a.id', 'a.network', 'a.handle', 'a.display_name', 'a.avatar_url', 'a.followers',
      (eb) => eb.fn.countAll<number>().as('mentions'), (eb) => eb.fn.sum<number>('m.engagement').as('engagement'),
      (eb) => eb.fn.sum<number>(sql`case when m.sentiment = 'negative' then 1 else 0 end`).as('negative'),
      (eb) => eb.fn.sum<number>(sql`case when m.sentiment = 'positive' then 1 else 0 end`).as('positive')])
    .groupBy(['a.id', 'a.network', 'a.handle', 'a.display_name', 'a.avatar_url', 'a.followers'])
    .orderBy(sql`count(*)`, 'desc').limit(500).execute();
  return rows.map((r) => {
    const mentions = Number(r.mentions);
    const reach = Number(r.followers ?? 0);
    const engagement = Number(r.engagement ?? 0);
    return {
      id: r.id, network: r.network, handle: r.handle, displayName: r.display_name, avatarUrl: r.avatar_url, followers: r.followers === null ? null : reach,
      mentions, engagement, negative: Number(r.negative), positive: Number(r.positive),
      relevance: Math.round((Math.log10(1 + mentions) * 2 + Math.log10(1 + reach) + Math.log10(1 + engagement)) * 100) / 100,
    };
  }).sort((a, b) => b.relevance - a.relevance).slice(0, 50);
}

async function sources(db: Kysely<Database>, workspaceId: string, topicIds: string[], range: ReturnType<typeof rangeOf>) {
  const rows = await inRange(db, workspaceId, topicIds, range.from, range.to).leftJoin('listening_sources as s', 's.id', 'm.source_id')
    .select(['m.network', 'm.source_id', 's.title', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['m.network', 'm.source_id', 's.title']).orderBy(sql`count(*)`, 'desc').limit(50).execute();
  return rows.map((r) => ({ network: r.network, sourceId: r.source_id, title: r.title, mentions: Number(r.n) }));
}

/** Everything the listening dashboard shows for the topics and period asked. */
export async function listeningStats(db: Kysely<Database>, workspaceId: string, q: StatsRange, now: number) {
  const range = rangeOf(q, now);
  const topics = await topicsAsked(db, workspaceId, q.topicIds);
  const ids = topics.map((t) => t.id);
  const vol = await volume(db, topics, range);
  const totals = vol.series.map((s) => ({
    topicId: s.topicId, name: s.name, color: s.color, kind: s.kind,
    mentions: s.total.reduce((a, b) => a + b, 0), negative: s.negative.reduce((a, b) => a + b, 0), positive: s.positive.reduce((a, b) => a + b, 0),
  }));
  const all = totals.reduce((a, t) => a + t.mentions, 0);
  const shareOfVoice = totals.map((t) => ({ ...t, share: all > 0 ? t.mentions / all : 0 }));
  const empty = ids.length === 0;
  return {
    from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), bucket: range.bucket,
    volume: vol, shareOfVoice,
    rising: empty ? { hashtags: [], links: [], keywords: [] } : await rising(db, workspaceId, ids, range),
    authors: empty ? [] : await topAuthors(db, workspaceId, ids, range),
    sources: empty ? [] : await sources(db, workspaceId, ids, range),
  };
}
