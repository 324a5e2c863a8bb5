import { CompiledQuery, type Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import { pgArrayLiteral } from '../inbound/bulk-insert.js';
import { timeOrderedUuid } from '../inbound/ids.js';
import { round } from '../inbound/risk.js';
import { localDay, zoneOf } from '../analytics/time.js';
import type { MatchedMention, StoredMention } from './mention-store.js';
import { authorsOf, type BatchAuthor } from './batch-authors.js';

/**
 * A batch of mentions written to PostgreSQL by one statement: the workspace held (its time zone read, as every
 * rollup writer reads it, with a share lock that a change of zone waits for), the source and the topics held against
 * deletion (they have no foreign keys here, migration 0050: a topic deleted already loses its links rather than
 * leaving them behind, a source deleted already leaves its mentions without one), the authors upserted, the mentions
 * not stored before inserted, then their links, the topics' minutes and days, the workspace's day and the copies of
 * groups whose first mention is stored already. One round trip, where a statement each took ten.
 *
 * The local day of each mention is worked out here in the zone the workspace had at the last batch; every write is
 * made only if that is still its zone, and the statement says which it is, so that a batch after a change of zone
 * is written again in the new one.
 */
const STORE = `with ws as (
  select "timezone", set_config('synchronous_commit', 'off', true) from "workspaces" where "id" = $1 for share
), ready as (
  select 1 from ws where "timezone" = $2
), src as (
  select "id" from "listening_sources" where "id" = $3 and "workspace_id" = $1 for key share
), topics as (
  select "id" from "listening_topics" where "id" = any($4::text[]) and "workspace_id" = $1 for key share
), authors as (
  insert into "inbox_authors" ("id", "workspace_id", "network", "external_id", "handle", "display_name", "avatar_url", "followers", "first_seen_at", "last_seen_at")
  select a."id", $1, a."network", a."external_id", a."handle", a."display_name", a."avatar_url", a."followers", a."first_seen_at", a."last_seen_at"
  from unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::integer[], $12::bigint[], $13::bigint[])
    as a("id", "network", "external_id", "handle", "display_name", "avatar_url", "followers", "first_seen_at", "last_seen_at")
  where exists (select 1 from ready)
  on conflict ("workspace_id", "network", "external_id") do update set
    "handle" = excluded."handle",
    "display_name" = coalesce(excluded."display_name", "inbox_authors"."display_name"),
    "avatar_url" = coalesce(excluded."avatar_url", "inbox_authors"."avatar_url"),
    "followers" = coalesce(excluded."followers", "inbox_authors"."followers"),
    "last_seen_at" = case when excluded."last_seen_at" > "inbox_authors"."last_seen_at" then excluded."last_seen_at" else "inbox_authors"."last_seen_at" end
  returning "id", "network", "external_id"
), given as (
  select * from unnest($14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[],
    $23::float8[], $24::float8[], $25::integer[], $26::integer[], $27::integer[], $28::text[], $29::text[], $30::bigint[], $31::text[])
    with ordinality as g("id", "network", "uri", "url", "author", "title", "text", "language", "sentiment", "sentiment_score", "toxicity",
      "complaint", "reach", "engagement", "terms", "cluster_id", "created_at", "day", "ord")
), mentions as (
  insert into "listening_mentions" ("id", "workspace_id", "source_id", "network", "uri", "url", "author_id", "title", "text", "language",
    "sentiment", "sentiment_score", "toxicity", "complaint", "reach", "engagement", "terms", "cluster_id", "created_at", "received_at")
  select g."id", $1, (select "id" from src), g."network", g."uri", g."url", a."id", g."title", g."text", g."language",
    g."sentiment", g."sentiment_score", g."toxicity", g."complaint", g."reach", g."engagement", g."terms", g."cluster_id", g."created_at", $32
  from given g join authors a on a."network" = g."network" and a."external_id" = g."author"
  order by g."ord"
  on conflict ("workspace_id", "uri") do nothing
  returning "id", "author_id", "network", "sentiment", "created_at", "cluster_id"
), links as (
  insert into "listening_mention_topics" ("topic_id", "mention_id", "workspace_id", "sentiment", "created_at")
  select l."topic_id", m."id", $1, m."sentiment", m."created_at"
  from unnest($33::text[], $34::text[]) with ordinality as l("topic_id", "mention_id", "ord")
  join mentions m on m."id" = l."mention_id"
  where l."topic_id" in (select "id" from topics)
  order by l."ord"
  returning "topic_id", "mention_id", "sentiment", "created_at"
), minutes as (
  insert into "listening_topic_minutes" ("topic_id", "minute", "total", "negative", "positive")
  select "topic_id", ("created_at" / 60000)::integer, count(*), count(*) filter (where "sentiment" = 'negative'), count(*) filter (where "sentiment" = 'positive')
  from links group by 1, 2 order by 1, 2
  on conflict ("topic_id", "minute") do update set "total" = "listening_topic_minutes"."total" + excluded."total",
    "negative" = "listening_topic_minutes"."negative" + excluded."negative", "positive" = "listening_topic_minutes"."positive" + excluded."positive"
), topic_days as (
  insert into "analytics_topic_days" ("topic_id", "day", "total", "positive", "negative")
  select l."topic_id", g."day", count(*), count(*) filter (where l."sentiment" = 'positive'), count(*) filter (where l."sentiment" = 'negative')
  from links l join given g on g."id" = l."mention_id" group by 1, 2 order by 1, 2
  on conflict ("topic_id", "day") do update set "total" = "analytics_topic_days"."total" + excluded."total",
    "positive" = "analytics_topic_days"."positive" + excluded."positive", "negative" = "analytics_topic_days"."negative" + excluded."negative"
), mention_days as (
  insert into "analytics_mention_days" ("workspace_id", "day", "network", "volume", "positive", "negative")
  select $1, g."day", m."network", count(*), count(*) filter (where m."sentiment" = 'positive'), count(*) filter (where m."sentiment" = 'negative')
  from mentions m join given g on g."id" = m."id" group by 2, 3 order by 2, 3
  on conflict ("workspace_id", "day", "network") do update set "volume" = "analytics_mention_days"."volume" + excluded."volume",
    "positive" = "analytics_mention_days"."positive" + excluded."positive", "negative" = "analytics_mention_days"."negative" + excluded."negative"
), copies as (
  update "listening_mentions" t set "copies" = t."copies" + c.n
  from (
    select m."cluster_id" as "id", count(*) as n from mentions m
    where m."cluster_id" is not null and not (m."cluster_id" = any($35::text[])) and not exists (select 1 from given g where g."id" = m."cluster_id")
    group by 1 order by 1
  ) c
  where t."id" = c."id"
)
select ws."timezone", m."id", m."author_id" from ws left join mentions m on true`;

/** The zone each workspace had at its last batch: the guess the next batch's days are worked out in. */
const zones = new Map<string, string>();
const MAX_ZONES = 10_000;

/** Each mention's local day in `zone`, worked out once per minute of the batch. */
function daysOf(mentions: readonly MatchedMention[], zoneName: string): string[] {
  const zone = zoneOf(zoneName);
  const byMinute = new Map<number, string>();
  return mentions.map(({ post }) => {
    const minute = Math.floor(post.createdAt / 60_000);
    let day = byMinute.get(minute);
    if (day === undefined) byMinute.set(minute, (day = localDay(post.createdAt, zone)));
    return day;
  });
}

function parameters(workspaceId: string, sourceId: string | null, mentions: readonly MatchedMention[], now: number, later: ReadonlySet<string>, zone: string): unknown[] {
  const authors = authorsOf(mentions);
  const days = daysOf(mentions, zone);
  const a = (value: (x: BatchAuthor) => unknown) => pgArrayLiteral(authors.length, (i) => value(authors[i]!));
  const m = (value: (x: MatchedMention, i: number) => unknown) => pgArrayLiteral(mentions.length, (i) => value(mentions[i]!, i));
  const linkTopics: string[] = [];
  const linkMentions: string[] = [];
  for (const x of mentions) {
    for (const t of x.topicIds) {
      linkTopics.push(t);
      linkMentions.push(x.id);
    }
  }
  // In one order, as the links' topics are locked.
  const topics = [...new Set(linkTopics)].sort();
  return [
    workspaceId, zone, sourceId, pgArrayLiteral(topics.length, (i) => topics[i]),
    a(() => timeOrderedUuid(now)), a((x) => x.p.network), a((x) => x.p.author.externalId), a((x) => x.p.author.handle),
    a((x) => x.p.author.displayName), a((x) => x.p.author.avatarUrl), a((x) => x.p.author.followers), a((x) => x.first), a((x) => x.last),
    m((x) => x.id), m((x) => x.post.network), m((x) => x.post.uri), m((x) => x.post.url), m((x) => x.post.author.externalId), m((x) => x.post.title),
    m((x) => x.post.text), m((x) => x.analysis.language.code), m((x) => x.analysis.sentiment.label), m((x) => round(x.analysis.sentiment.score)),
    m((x) => round(x.analysis.toxicity.score)), m((x) => (x.analysis.complaint.flagged ? 1 : 0)), m((x) => x.post.author.followers ?? 0),
    m((x) => x.post.engagement), m((x) => JSON.stringify(x.terms)), m((x) => x.clusterId), m((x) => x.post.createdAt), m((_, i) => days[i]),
    now, pgArrayLiteral(linkTopics.length, (i) => linkTopics[i]), pgArrayLiteral(linkMentions.length, (i) => linkMentions[i]),
    pgArrayLiteral(later.size, (() => { const l = [...later]; return (i: number) => l[i]; })()),
  ];
}

/**
 * Writes a batch as `storeMentions` does, on PostgreSQL, and returns the mentions it created with their authors'
 * ids. Copies of a group whose first mention is in this very batch are left to the caller (`inBatchCopies`): a
 * statement does not see the rows it inserts itself.
 */
export async function storeMentionsPg(
  trx: Transaction<Database>, workspaceId: string, sourceId: string | null, mentions: readonly MatchedMention[], now: number, later: ReadonlySet<string>,
): Promise<StoredMention[]> {
  for (let attempt = 0; ; attempt++) {
    const zone = zones.get(workspaceId) ?? 'UTC';
    const { rows } = await trx.executeQuery<{ timezone: string; id: string | null; author_id: string | null }>(
      CompiledQuery.raw(STORE, parameters(workspaceId, sourceId, mentions, now, later, zone)),
    );
    if (rows.length === 0) throw new Error(`listening: workspace ${workspaceId} no longer exists`);
    const actual = rows[0]!.timezone;
    if (actual !== zone) {
      // Nothing was written: again in the zone the workspace has now (read under its lock, so it holds until commit).
      if (zones.size >= MAX_ZONES) zones.clear();
      zones.set(workspaceId, actual);
      if (attempt === 0) continue;
      throw new Error(`listening: workspace ${workspaceId} changed its time zone twice in one batch`);
    }
    const authorOf = new Map<string, string>();
    for (const r of rows) if (r.id !== null) authorOf.set(r.id, r.author_id!);
    return mentions.filter((x) => authorOf.has(x.id)).map((x) => ({ ...x, authorId: authorOf.get(x.id)! }));
  }
}
