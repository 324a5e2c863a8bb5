import { sql, type RawBuilder } from 'kysely';
import { badRequest } from '../../http/errors.js';
import { ENGAGEMENT_SQL, postsIn, type Reader } from './scope.js';
import { POST_COLUMNS, postPerformance, type PostRow } from './post-performance.js';
import { offsetSegments } from './period.js';
import type { Period, PostPerformance, Scope } from './types.js';

export interface DrillDown {
  weekday?: number;
  hour?: number;
  sort: 'engagement' | 'published_at' | 'engagement_rate';
  order: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

function sortKey(r: Reader, sort: DrillDown['sort']): RawBuilder<number> {
  if (sort === 'engagement') return ENGAGEMENT_SQL;
  if (sort === 'published_at') return sql<number>`p.published_at`;
  // A double on both databases, so that the value a cursor carries compares equal to the row's own. Posts whose
  // followers are unknown sort below every known rate.
  const float = sql.raw(r.dialect === 'postgres' ? 'double precision' : 'real');
  return sql<number>`cast(case when p.followers_at_publish > 0 then ${ENGAGEMENT_SQL} * 100.0 / p.followers_at_publish else -1 end as ${float})`;
}

/** Cursors hold the last row's sort value and id; what a client sends back is checked before it reaches SQL. */
function encodeCursor(value: number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(raw: string): { value: number; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString());
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'number' && Number.isFinite(parsed[0]) && typeof parsed[1] === 'string' && /^[\w-]{1,64}$/.test(parsed[1])) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw badRequest('invalid_cursor', 'This page cursor is not one we gave: start again from the first page.');
}

/** The instant of a post as read on the workspace's clock: the zone's offset of its segment added. */
function localMs(r: Reader, period: Period): RawBuilder<number> {
  const segments = offsetSegments(r.zone, period);
  if (segments.length === 1) return sql<number>`(p.published_at + ${sql.lit(segments[0]!.offsetMs)})`;
  const cases = segments.slice(1).reverse().map((s) => sql`when p.published_at >= ${sql.lit(s.from)} then ${sql.lit(s.offsetMs)}`);
  return sql<number>`(p.published_at + case ${sql.join(cases, sql` `)} else ${sql.lit(segments[0]!.offsetMs)} end)`;
}

/** The posts behind a figure or a chart's cell, sorted and paged. */
export async function drillDown(r: Reader, scope: Scope, period: Period, q: DrillDown): Promise<{ items: PostPerformance[]; nextCursor: string | null }> {
  const parts: RawBuilder<unknown>[] = [postsIn(r, scope, period.start, period.end)];
  const local = localMs(r, period);
  // 1 January 1970 was a Thursday: three days after a Monday.
  if (q.weekday !== undefined) parts.push(sql`((${local} / 86400000) + 3) % 7 = ${q.weekday}`);
  if (q.hour !== undefined) parts.push(sql`(${local} / 3600000) % 24 = ${q.hour}`);
  const key = sortKey(r, q.sort);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    parts.push(q.order === 'desc'
      ? sql`(${key} < ${c.value} or (${key} = ${c.value} and p.id > ${c.id}))`
      : sql`(${key} > ${c.value} or (${key} = ${c.value} and p.id > ${c.id}))`);
  }
  const { rows } = await sql<PostRow & { sort_key: unknown }>`select ${POST_COLUMNS}, ${key} as sort_key
    from analytics_posts p join social_accounts a on a.id = p.account_id where ${sql.join(parts, sql` and `)}
    order by sort_key ${sql.raw(q.order)}, p.id asc limit ${q.limit + 1}`.execute(r.db);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(postPerformance), nextCursor: rows.length > q.limit && last ? encodeCursor(Number(last.sort_key), String(last.id)) : null };
}
