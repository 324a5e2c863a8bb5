import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../../store/database.js';

type Dialect = Store['dialect'];

/**
 * An item of the list as JSON, written by the database: the same fields and values as presentItem gives (its
 * counterpart in presenters.ts, which the detail still uses), read from the row `i`, its author `a` and, on
 * PostgreSQL, its analysis parsed once (`x.an`). A page's rows then reach this process as one text value each,
 * rather than some fifty columns each that the driver turns into values and JSON.stringify turns back into text:
 * that was most of a page's cost. Keys may come in another order than presentItem's, never other values.
 */
export function itemJson(dialect: Dialect): RawBuilder<string> {
  return dialect === 'sqlite' ? sql<string>`${sql.raw(sqliteItem)}` : sql<string>`${sql.raw(postgresItem)}::text`;
}

/** What the database needs beside the row and its author: PostgreSQL's analysis parsed once per row. */
export const ANALYSIS_ALIAS = 'x';

const NO_CATEGORIES = '{"insult":0,"hate":0,"threat":0,"sexual":0,"spam":0}';

interface Field {
  key: string;
  /**
   * A text, a number or a null: the same in both databases' JSON. SQLite (3.53, in better-sqlite3) writes a REAL
   * with digits enough (up to 17) to read back as the very double stored; PostgreSQL a real as its driver reads it.
   */
  plain?: string;
  /** A condition, shown as true or false. */
  flag?: string;
  /** A column holding JSON text, [] when it holds none (as parseJson in presenters.ts). */
  jsonText?: string;
  /** A nested object. */
  object?: Field[];
  /** Written per database. */
  sqlite?: string;
  postgres?: string;
}

const AUTHOR: Field[] = [
  { key: 'id', plain: 'i.author_id' },
  { key: 'network', plain: 'a.network' },
  { key: 'externalId', plain: 'a.external_id' },
  { key: 'handle', plain: 'a.handle' },
  { key: 'displayName', plain: 'a.display_name' },
  { key: 'avatarUrl', plain: 'a.avatar_url' },
  { key: 'followers', plain: 'a.followers' },
  { key: 'accountCreatedAt', plain: 'a.account_created_at' },
  { key: 'firstSeenAt', plain: 'a.first_seen_at' },
  { key: 'itemCount', plain: 'a.item_count' },
  { key: 'removedCount', plain: 'a.removed_count' },
  { key: 'advocate', flag: 'a.advocate = 1' },
  { key: 'blocked', flag: 'a.blocked_at is not null' },
  { key: 'muted', flag: 'a.muted_at is not null' },
  { key: 'lists', jsonText: 'a.lists' },
];

// The replies the team sent to the item, as replyCounts in list.ts counts them (index inbox_replies_item).
const REPLY_COUNT = "(select count(*) from inbox_replies r where r.item_id = i.id and r.kind = 'reply' and r.status = 'sent')";

const ITEM: Field[] = [
  { key: 'id', plain: 'i.id' },
  { key: 'accountId', plain: 'i.account_id' },
  { key: 'network', plain: 'i.network' },
  { key: 'kind', plain: 'i.kind' },
  { key: 'externalId', plain: 'i.external_id' },
  { key: 'url', plain: 'i.url' },
  { key: 'text', plain: 'i.text' },
  { key: 'createdAt', plain: 'i.created_at' },
  { key: 'receivedAt', plain: 'i.received_at' },
  { key: 'author', object: AUTHOR },
  { key: 'language', plain: 'i.language' },
  { key: 'sentiment', plain: 'i.sentiment' },
  { key: 'sentimentScore', plain: 'i.sentiment_score' },
  { key: 'toxicity', plain: 'i.toxicity' },
  { key: 'toxicityCategory', plain: 'i.toxicity_category' },
  {
    key: 'categories',
    // The analysis's categories over zeros for the ones it does not name; none when it holds no object there.
    sqlite: `json_patch('${NO_CATEGORIES}', case when json_valid(i.analysis) and json_type(i.analysis, '$.toxicity.categories') = 'object' then json_extract(i.analysis, '$.toxicity.categories') else '{}' end)`,
    postgres: `'${NO_CATEGORIES}'::jsonb || case when jsonb_typeof(x.an -> 'toxicity' -> 'categories') = 'object' then x.an -> 'toxicity' -> 'categories' else '{}'::jsonb end`,
  },
  { key: 'complaint', flag: 'i.complaint = 1' },
  { key: 'complaintScore', plain: 'i.complaint_score' },
  { key: 'risk', plain: 'i.risk' },
  {
    key: 'reasons',
    sqlite: `case when json_valid(i.analysis) and json_type(i.analysis, '$.reasons') = 'array' then json(json_extract(i.analysis, '$.reasons')) else json('[]') end`,
    postgres: `case when jsonb_typeof(x.an -> 'reasons') = 'array' then x.an -> 'reasons' else '[]'::jsonb end`,
  },
  { key: 'hasLink', flag: 'i.has_link = 1' },
  { key: 'status', plain: 'i.status' },
  { key: 'assigneeId', plain: 'i.assignee_id' },
  { key: 'labels', jsonText: 'i.labels' },
  { key: 'moderation', plain: 'i.moderation' },
  { key: 'removedAt', plain: 'i.removed_at' },
  { key: 'editedAt', plain: 'i.edited_at' },
  { key: 'postId', plain: 'i.post_id' },
  { key: 'threadKey', plain: 'i.thread_key' },
  { key: 'parentExternalId', plain: 'i.parent_external_id' },
  { key: 'firstReplyAt', plain: 'i.first_reply_at' },
  { key: 'replyCount', plain: REPLY_COUNT },
];

function value(f: Field, dialect: Dialect): string {
  if (f.object) return objectOf(f.object, dialect);
  if (f.plain) return f.plain;
  if (dialect === 'sqlite') {
    // json('true') is a constant, made once per statement rather than once per row.
    if (f.flag) return `iif(${f.flag}, json('true'), json('false'))`;
    if (f.jsonText) return `case when json_valid(${f.jsonText}) then json(${f.jsonText}) else json('[]') end`;
    return f.sqlite!;
  }
  if (f.flag) return `(${f.flag})`;
  // The app writes these columns with JSON.stringify: valid JSON, or empty.
  if (f.jsonText) return `coalesce(nullif(${f.jsonText}, '')::json, '[]'::json)`;
  return f.postgres!;
}

function objectOf(fields: Field[], dialect: Dialect): string {
  const args = fields.map((f) => `'${f.key}', ${value(f, dialect)}`).join(', ');
  return dialect === 'sqlite' ? `json_object(${args})` : `json_build_object(${args})`;
}

const sqliteItem = objectOf(ITEM, 'sqlite');
const postgresItem = objectOf(ITEM, 'postgres');
