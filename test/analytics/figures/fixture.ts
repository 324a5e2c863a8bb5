import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/schema.js';
import { recordPostChanges } from '../../../src/modules/analytics/rollups/post-days.js';
import { countInboxItems } from '../../../src/modules/analytics/rollups/inbox-days.js';
import { countMentionDays, countTopicMinutes } from '../../../src/modules/analytics/rollups/listening-days.js';
import { addWorkspaceDays } from '../../../src/modules/analytics/rollups/workspace-days.js';
import { countModerationActions } from '../../../src/modules/analytics/rollups/moderation-days.js';

/**
 * Rows written straight into the store, as collection and the inbound path would have left them: with the daily
 * rollups those paths keep, through the same functions, in the same transaction.
 */
export const at = (iso: string) => Date.parse(iso);
const id = () => crypto.randomUUID();

export async function workspace(db: Kysely<Database>, timezone: string, extra: { clientsSeeInbox?: boolean } = {}): Promise<string> {
  const wid = id();
  await db.insertInto('workspaces').values({ id: wid, name: `Brand ${wid.slice(0, 4)}`, timezone, locale: 'en', logo_key: null, logo_updated_at: null,
    clients_see_inbox: extra.clientsSeeInbox ? 1 : 0, created_by: 'seed', created_at: 0 }).execute();
  return wid;
}

export async function account(db: Kysely<Database>, workspaceId: string, network: string, handle: string): Promise<string> {
  const aid = id();
  await db.insertInto('social_accounts').values({ id: aid, workspace_id: workspaceId, network, external_id: `ext:${handle}`, handle, display_name: handle,
    service_url: 'http://127.0.0.1', credentials: 'sealed', status: 'connected', status_message: null, timezone: 'UTC', created_by: 'seed', created_at: 0,
    updated_at: 0, last_ok_at: null }).execute();
  return aid;
}

export async function campaign(db: Kysely<Database>, workspaceId: string, name: string): Promise<string> {
  const cid = id();
  await db.insertInto('campaigns').values({ id: cid, workspace_id: workspaceId, name, color: '#000', goal: '', hashtags: '[]', starts_at: null, ends_at: null,
    created_by: 'seed', created_at: 0 }).execute();
  return cid;
}

export interface PostSeed {
  account: string;
  network: string;
  at: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
  views?: number | null;
  followers?: number | null;
  campaign?: string | null;
  labels?: string[];
  text?: string;
}

export async function post(db: Kysely<Database>, workspaceId: string, p: PostSeed): Promise<string> {
  const pid = id();
  const row = {
    id: pid, workspace_id: workspaceId, account_id: p.account, network: p.network, external_id: `ext:${pid}`, url: null, text: p.text ?? `post ${p.at}`,
    image_url: null, post_id: null, campaign_id: p.campaign ?? null, labels: JSON.stringify(p.labels ?? []), published_at: at(p.at),
    likes: p.likes, reposts: p.reposts, replies: p.replies, quotes: p.quotes, views: p.views ?? null,
    engagement: p.likes + p.reposts + p.replies + (p.quotes ?? 0), followers_at_publish: p.followers ?? null, collected_at: null, next_collect_at: 0,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('analytics_posts').values(row).execute();
    await recordPostChanges(trx, [{ before: null, after: row }]);
  });
  return pid;
}

export async function day(db: Kysely<Database>, workspaceId: string, accountId: string, d: string, v: { followers?: number | null; likes?: number; reposts?: number; replies?: number; quotes?: number; views?: number; published?: number }) {
  const gains = { likes: v.likes ?? 0, reposts: v.reposts ?? 0, replies: v.replies ?? 0, quotes: v.quotes ?? 0, views: v.views ?? 0, published: v.published ?? 0 };
  const { network } = await db.selectFrom('social_accounts').select('network').where('id', '=', accountId).executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('analytics_account_days').values({ account_id: accountId, workspace_id: workspaceId, day: d, followers: v.followers ?? null, following: null, posts: null, ...gains }).execute();
    await addWorkspaceDays(trx, [{ workspace_id: workspaceId, day: d, network, ...gains, followers: v.followers ?? 0, read: v.followers == null ? 0 : 1 }]);
  });
}

export async function author(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const aid = id();
  await db.insertInto('inbox_authors').values({ id: aid, workspace_id: workspaceId, network: 'bluesky', external_id: `did:${aid}`, handle: 'someone.test',
    display_name: null, avatar_url: null, followers: null, account_created_at: null, blocked_at: null, muted_at: null, first_seen_at: 0, last_seen_at: 0 }).execute();
  return aid;
}

export interface ItemSeed {
  account: string | null;
  kind: 'reply' | 'mention' | 'quote' | 'message';
  at: string;
  replyAfterMin?: number;
  sentiment?: string;
  complaint?: boolean;
  moderation?: 'hidden' | 'deleted' | 'review' | null;
  /** Minutes after it came that its author removed it on the network. */
  removedAfterMin?: number;
}

export async function item(db: Kysely<Database>, workspaceId: string, authorId: string, s: ItemSeed): Promise<string> {
  const iid = id();
  const t = at(s.at);
  const row = {
    id: iid, workspace_id: workspaceId, account_id: s.account, network: 'bluesky', external_id: `ext:${iid}`, external_cid: null, kind: s.kind, author_id: authorId,
    text: 'hello', url: null, parent_external_id: null, parent_cid: null, root_external_id: null, root_cid: null, thread_key: iid, post_id: null,
    language: 'en', sentiment: s.sentiment ?? 'neutral', sentiment_score: 0, toxicity: 0, toxicity_category: null, complaint: s.complaint ? 1 : 0,
    complaint_score: 0, has_link: 0, risk: 0, analysis: '{}', status: 'open' as const, assignee_id: null, moderation: s.moderation ?? null, created_at: t, received_at: t,
    first_reply_at: s.replyAfterMin === undefined ? null : t + s.replyAfterMin * 60_000, status_changed_at: t,
    removed_at: s.removedAfterMin === undefined ? null : t + s.removedAfterMin * 60_000, edited_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('inbox_items').values(row).execute();
    await countInboxItems(trx, [row]);
  });
  return iid;
}

/** A row of the moderation log, counted in the daily moderation rollup as the log's writers do. */
export async function moderation(db: Kysely<Database>, workspaceId: string, when: string, outcome: string, undoes: string | null = null, itemId: string | null = null) {
  await db.transaction().execute(async (trx) => {
    const row = { id: id(), workspace_id: workspaceId, item_id: itemId, author_id: null, actor_id: null, rule_id: null,
      action: 'hide', outcome, reasons: '[]', detail: null, undoes, created_at: at(when) };
    await trx.insertInto('moderation_log').values(row).execute();
    await countModerationActions(trx, [row]);
  });
}

export async function topic(db: Kysely<Database>, workspaceId: string, name: string, kind: 'brand' | 'competitor' | 'product'): Promise<string> {
  const tid = id();
  await db.insertInto('listening_topics').values({ id: tid, workspace_id: workspaceId, name, kind, query: name, color: '#123456', radar_state: null,
    created_by: null, created_at: 0, updated_at: 0, archived_at: null }).execute();
  return tid;
}

export async function topicMinute(db: Kysely<Database>, topicId: string, when: string, total: number, sentiment: { negative?: number; positive?: number } = {}) {
  const row = { topic_id: topicId, minute: Math.floor(at(when) / 60_000), total, negative: sentiment.negative ?? 0, positive: sentiment.positive ?? 0 };
  const { workspace_id } = await db.selectFrom('listening_topics').select('workspace_id').where('id', '=', topicId).executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('listening_topic_minutes').values(row).execute();
    await countTopicMinutes(trx, workspace_id, [row]);
  });
}

export async function mention(db: Kysely<Database>, workspaceId: string, authorId: string, when: string, sentiment: string) {
  const mid = id();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('listening_mentions').values({ id: mid, workspace_id: workspaceId, source_id: null, network: 'bluesky', uri: `at://${mid}`, url: null,
      author_id: authorId, title: null, text: 'about the brand', language: 'en', sentiment, sentiment_score: 0, toxicity: 0, complaint: 0, cluster_id: null,
      inbox_item_id: null, created_at: at(when), received_at: at(when) }).execute();
    await countMentionDays(trx, workspaceId, [{ network: 'bluesky', createdAt: at(when), sentiment }]);
  });
}
