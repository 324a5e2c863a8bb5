import { sql, type RawBuilder } from 'kysely';

/**
 * SQLite: an item of the list as JSON, written by the database: the same fields and values as presentItem gives
 * (its counterpart in presenters.ts), read from the row `i` and its author `a`. A page's rows then reach the thread
 * as one text value each, rather than some fifty columns each that better-sqlite3 turns into values and
 * JSON.stringify turns back into text: that was most of a page's cost. PostgreSQL's json_build_object costs its
 * server more than it saves this process (it looks up every value's type on every row), and a page there is
 * presented here.
 */
export const itemJson = (): RawBuilder<string> => sql<string>`${sql.raw(ITEM_SQL)}`;

/** The replies the team sent to the item, as replyCounts in list.ts counts them (index inbox_replies_item). */
export const REPLY_COUNT = "(select count(*) from inbox_replies r where r.item_id = i.id and r.kind = 'reply' and r.status = 'sent')";

const NO_CATEGORIES = '{"insult":0,"hate":0,"threat":0,"sexual":0,"spam":0}';

interface Field {
  key: string;
  /**
   * A text, a number or a null. SQLite (3.53, in better-sqlite3) writes a REAL with digits enough (up to 17) to
   * read back as the very double stored.
   */
  plain?: string;
  /** A condition, shown as true or false. */
  flag?: string;
  /** A column holding JSON text, [] when it holds none (as parseJson in presenters.ts). */
  jsonText?: string;
  /** A nested object. */
  object?: Field[];
  /** Written as it is. */
  sql?: string;
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
    sql: `json_patch('${NO_CATEGORIES}', case when json_valid(i.analysis) and json_type(i.analysis, '$.toxicity.categories') = 'object' then json_extract(i.analysis, '$.toxicity.categories') else '{}' end)`,
  },
  { key: 'complaint', flag: 'i.complaint = 1' },
  { key: 'complaintScore', plain: 'i.complaint_score' },
  { key: 'risk', plain: 'i.risk' },
  {
    key: 'reasons',
    sql: `case when json_valid(i.analysis) and json_type(i.analysis, '$.reasons') = 'array' then json(json_extract(i.analysis, '$.reasons')) else json('[]') end`,
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

function value(f: Field): string {
  if (f.object) return `json_object(${f.object.map((o) => `'${o.key}', ${value(o)}`).join(', ')})`;
  if (f.plain) return f.plain;
  // json('true') is a constant, made once per statement rather than once per row.
  if (f.flag) return `iif(${f.flag}, json('true'), json('false'))`;
  if (f.jsonText) return `case when json_valid(${f.jsonText}) then json(${f.jsonText}) else json('[]') end`;
  return f.sql!;
}

const ITEM_SQL = value({ key: '', object: ITEM });
