import type { Kysely, Selectable } from 'kysely';
import { requireCapability } from '../../connectors/capabilities.js';
import type { Author, Capability, Connector, PostRef } from '../../connectors/types.js';
import type { AppContext } from '../../context.js';
import type { Database, SocialAccountTable } from '../../store/schema.js';
import { openConnector } from '../accounts/open-connector.js';
import type { AuthorRow, ItemRow } from './items.js';
import type { ItemAction } from './rule-schema.js';

export type AccountRow = Pick<Selectable<SocialAccountTable>, 'id' | 'network' | 'credentials' | 'external_id' | 'handle' | 'status'>;

export interface ActionTarget {
  item: ItemRow;
  author: AuthorRow;
  account: AccountRow | null;
  connector: Connector | null;
}

/** Why an action cannot run on the item's network; shown to moderators and stored with the review. */
export type NotPossible = 'no_account' | 'not_supported' | 'not_our_post';
export type Possibility = { ok: true; post?: PostRef } | { ok: false; why: NotPossible };

const CAPABILITY: Record<ItemAction, Capability> = {
  hide: 'hideComment', unhide: 'hideComment', delete: 'deleteComment', block: 'blockAuthor', unblock: 'blockAuthor',
  mute: 'muteAuthor', unmute: 'muteAuthor', report: 'reportComment',
};
// An undo exists only beside the action it undoes, and only where the connector has the method.
const UNDO_METHOD: Partial<Record<ItemAction, 'unhideComment' | 'unblockAuthor' | 'unmuteAuthor'>> = {
  unhide: 'unhideComment', unblock: 'unblockAuthor', unmute: 'unmuteAuthor',
};
export const UNDO_OF: Partial<Record<string, ItemAction>> = { hide: 'unhide', block: 'unblock', mute: 'unmute' };

export const authorRef = (author: AuthorRow): Author => ({ id: author.external_id, handle: author.handle, displayName: author.display_name });

/** The account the item was addressed to, and a connector for it (null when the account is gone or disconnected). */
export async function openTarget(ctx: AppContext, item: ItemRow, author: AuthorRow, cache?: Map<string, { account: AccountRow | null; connector: Connector | null }>): Promise<ActionTarget> {
  const key = item.account_id ?? '';
  let found = cache?.get(key);
  if (!found) {
    const account = item.account_id
      ? ((await ctx.store.db.selectFrom('social_accounts').select(['id', 'network', 'credentials', 'external_id', 'handle', 'status'])
          .where('id', '=', item.account_id).where('workspace_id', '=', item.workspace_id).executeTakeFirst()) ?? null)
      : null;
    let connector: Connector | null = null;
    if (account && account.status !== 'disconnected') {
      try {
        connector = openConnector(ctx, account);
      } catch (err) {
        ctx.log.warn({ err, accountId: account.id }, 'moderation: could not open a connector');
      }
    }
    found = { account, connector };
    cache?.set(key, found);
  }
  return { item, author, ...found };
}

/** Whether the network lets this action run on this item, from the connector's declared capabilities. */
export async function possibility(db: Kysely<Database>, action: ItemAction, t: ActionTarget): Promise<Possibility> {
  const { connector, account } = t;
  if (!connector || !account) return { ok: false, why: 'no_account' };
  if (!connector.capabilities.has(CAPABILITY[action])) return { ok: false, why: 'not_supported' };
  const undo = UNDO_METHOD[action];
  if (undo && typeof connector[undo] !== 'function') return { ok: false, why: 'not_supported' };
  if (action === 'hide' || action === 'unhide') {
    const post = await ourThreadRoot(db, t.item, account);
    return post ? { ok: true, post } : { ok: false, why: 'not_our_post' };
  }
  return { ok: true };
}

/**
 * A reply can be hidden only under a post of ours, through the thread's first post (Bluesky keeps hidden replies
 * in the root post's threadgate). The root is ours when it was published from Ruche, when its address names the
 * account (an at:// URI's authority is the author's DID), or when the thread context says our account wrote it.
 */
export async function ourThreadRoot(db: Kysely<Database>, item: ItemRow, account: AccountRow): Promise<PostRef | null> {
  const id = item.root_external_id ?? item.parent_external_id;
  if (!id) return null;
  const cid = (item.root_external_id ? item.root_cid : item.parent_cid) ?? undefined;
  const ref = { id, ...(cid ? { cid } : {}) };
  if (authorityOf(id) === account.external_id) return ref;
  const context = parseContext(item.context);
  if (context[0]?.ref?.id === id && sameHandle(context[0].authorHandle, account.handle)) return ref;
  const published = await db.selectFrom('post_targets').select('id').where('account_id', '=', account.id).where('external_id', '=', id).executeTakeFirst();
  return published ? ref : null;
}

const authorityOf = (id: string): string | null => (id.startsWith('at://') ? id.slice(5).split('/')[0] : null);
const sameHandle = (a: unknown, b: string) => typeof a === 'string' && a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();

function parseContext(json: string): Array<{ ref?: { id?: string }; authorHandle?: string }> {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Carries the action out on the network; ConnectorErrors pass through, their kind decides retries. */
export async function perform(action: ItemAction, t: ActionTarget, post: PostRef | undefined, reason: string): Promise<void> {
  const c = t.connector!;
  const comment: PostRef = { id: t.item.external_id, ...(t.item.external_cid ? { cid: t.item.external_cid } : {}) };
  const author = authorRef(t.author);
  switch (action) {
    case 'hide':
      return requireCapability(c, 'hideComment', 'hideComment')(post!, comment);
    case 'unhide':
      return c.unhideComment!(post!, comment);
    case 'delete':
      return requireCapability(c, 'deleteComment', 'deleteComment')(comment);
    case 'block':
      return requireCapability(c, 'blockAuthor', 'blockAuthor')(author);
    case 'unblock':
      return c.unblockAuthor!(author);
    case 'mute':
      return requireCapability(c, 'muteAuthor', 'muteAuthor')(author);
    case 'unmute':
      return c.unmuteAuthor!(author);
    case 'report':
      return requireCapability(c, 'reportComment', 'reportComment')(comment, author, reason);
  }
}
