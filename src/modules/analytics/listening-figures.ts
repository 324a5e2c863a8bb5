import { sql } from 'kysely';
import type { Reader } from './scope.js';
import { FORMULAS, figure, int, percent } from './figures.js';
import type { ListeningFigures, Period, Scope } from './types.js';
import { DAY_MS, periodDays } from './time.js';
import { offsetSegments } from './period.js';

export interface ListeningTotals {
  volume: number;
  positive: number;
  negative: number;
}

/** Mentions stored in a period (each once, whatever the number of topics it matched), by sentiment. */
export async function listeningTotals(r: Reader, scope: Scope, period: Period): Promise<ListeningTotals> {
  const { rows } = await sql<Record<string, unknown>>`select count(*) as volume,
      sum(case when m.sentiment = 'positive' then 1 else 0 end) as positive, sum(case when m.sentiment = 'negative' then 1 else 0 end) as negative
    from listening_mentions m where m.workspace_id = ${scope.workspaceId} and m.created_at >= ${period.start} and m.created_at < ${period.end}
    ${scope.network ? sql`and m.network = ${scope.network}` : sql``}`.execute(r.db);
  const t = rows[0] ?? {};
  return { volume: int(t.volume), positive: int(t.positive), negative: int(t.negative) };
}

/**
 * Share of voice: each brand or competitor topic's mentions ÷ all mentions of the brand and competitor topics × 100,
 * from the per-minute counts.
 */
export async function shareOfVoice(r: Reader, workspaceId: string, period: Period): Promise<ListeningFigures['shareOfVoice']> {
  const topics = await r.db.selectFrom('listening_topics').select(['id', 'name', 'kind', 'color'])
    .where('workspace_id', '=', workspaceId).where('archived_at', 'is', null).where('kind', 'in', ['brand', 'competitor']).execute();
  if (topics.length === 0) return [];
  const counts = await r.db.selectFrom('listening_topic_minutes').select(['topic_id', (eb) => eb.fn.sum<number>('total').as('mentions')])
    .where('topic_id', 'in', topics.map((t) => t.id))
    .where('minute', '>=', Math.floor(period.start / 60_000)).where('minute', '<', Math.ceil(period.end / 60_000))
    .groupBy('topic_id').execute();
  const byTopic = new Map(counts.map((c) => [c.topic_id, int(c.mentions)]));
  const all = topics.reduce((s, t) => s + (byTopic.get(t.id) ?? 0), 0);
  return topics
    .map((t) => ({ topicId: t.id, name: t.name, kind: t.kind, color: t.color, mentions: byTopic.get(t.id) ?? 0, share: percent(byTopic.get(t.id) ?? 0, all) ?? 0 }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** A mention's local day in SQL, as days since 1 January 1970 on the zone's clock: each instant with its offset. */
function localDayNumber(r: Reader, period: Period) {
  const segments = offsetSegments(r.zone, period);
  const offset = segments.length === 1
    ? sql.lit(segments[0]!.offsetMs)
    : sql`case ${sql.join(segments.slice(1).reverse().map((s) => sql`when m.created_at >= ${sql.lit(s.from)} then ${sql.lit(s.offsetMs)}`), sql` `)} else ${sql.lit(segments[0]!.offsetMs)} end`;
  return sql`(m.created_at + ${offset}) / ${sql.lit(DAY_MS)}`;
}

/** Mentions per local day by sentiment; neutral is what is neither positive nor negative. Grouped by local day in SQL. */
export async function sentimentByDay(r: Reader, scope: Scope, period: Period): Promise<ListeningFigures['sentimentByDay']> {
  const { days } = periodDays(period, r.zone);
  const out = new Map(days.map((day) => [day, { day, positive: 0, neutral: 0, negative: 0 }]));
  const day = localDayNumber(r, period);
  const { rows } = await sql<Record<string, unknown>>`select ${day} as d, count(*) as total,
      sum(case when m.sentiment = 'positive' then 1 else 0 end) as positive, sum(case when m.sentiment = 'negative' then 1 else 0 end) as negative
    from listening_mentions m where m.workspace_id = ${scope.workspaceId} and m.created_at >= ${period.start} and m.created_at < ${period.end}
    ${scope.network ? sql`and m.network = ${scope.network}` : sql``} group by ${day}`.execute(r.db);
  for (const row of rows) {
    const d = out.get(new Date(Math.floor(int(row.d)) * DAY_MS).toISOString().slice(0, 10));
    if (!d) continue;
    d.positive += int(row.positive);
    d.negative += int(row.negative);
    d.neutral += int(row.total) - int(row.positive) - int(row.negative);
  }
  return [...out.values()];
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
