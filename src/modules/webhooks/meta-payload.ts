/**
 * What Meta POSTs to a webhook (Graph API "Webhooks: Getting Started", Event Notifications): `{object, entry[]}`,
 * each entry `{id, time, changes[] | messaging[]}`. Read here: the Page `feed` field (item=comment, verb
 * add/edited/remove/hide/unhide), Instagram `comments` and `mentions`, and Messenger / Instagram `messages`. Everything in it
 * is hostile: each field is checked and capped, and a change that does not fit is dropped, not trusted.
 */
import { z } from 'zod';

const id = z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1).max(128));
const text = z.string().max(20_000);
const unixSeconds = z.number().int().nonnegative().max(4_102_444_800);

const change = z.object({ field: z.string().max(64), value: z.unknown() });
const messagingEvent = z.object({
  sender: z.object({ id }).optional(),
  recipient: z.object({ id }).optional(),
  timestamp: z.number().nonnegative().optional(),
  message: z.object({ mid: id, is_echo: z.boolean().optional() }).passthrough().optional(),
}).passthrough();

export const metaWebhookPayload = z.object({
  object: z.string().max(32),
  entry: z.array(z.object({
    id,
    time: z.number().nonnegative(),
    changes: z.array(change).max(200).optional(),
    messaging: z.array(messagingEvent).max(200).optional(),
  })).max(1000),
});
export type MetaWebhookPayload = z.infer<typeof metaWebhookPayload>;

/** Page `feed` value for a comment (Webhooks for Pages, `feed` field reference). */
const feedComment = z.object({
  item: z.literal('comment'),
  verb: z.enum(['add', 'edited', 'remove', 'hide', 'unhide']),
  comment_id: id,
  post_id: id,
  parent_id: id.optional(),
  message: text.optional(),
  created_time: unixSeconds.optional(),
  from: z.object({ id, name: z.string().max(256).optional() }).optional(),
});

/** Instagram `comments` value (Instagram Webhooks, comments field). */
const igComment = z.object({
  id,
  text: text.optional(),
  parent_id: id.optional(),
  from: z.object({ id, username: z.string().max(256).optional() }).optional(),
  media: z.object({ id }),
});

/** Instagram `mentions` value: only ids, the caption or comment is read by polling. */
const igMention = z.object({ media_id: id, comment_id: id.optional() });

/** One change as Ruche acts on it, with the key that recognises it when delivered again. */
export type MetaChange =
  | { key: string; network: 'facebook' | 'instagram'; accountId: string; action: 'item'; item: WebhookItem }
  | { key: string; network: 'facebook' | 'instagram'; accountId: string; action: 'poll'; source: 'notifications' | 'messages' }
  /** The author edited the comment's text on the network, at `at` (ms): the item as it now reads. */
  | { key: string; network: 'facebook'; accountId: string; action: 'edited'; item: WebhookItem; at: number }
  /** The comment was removed on the network (by its author, or by the Page: see meta-job.ts). */
  | { key: string; network: 'facebook'; accountId: string; action: 'removed'; itemId: string; at: number }
  /** The comment was hidden or unhidden on Facebook (by the Page, or the echo of Ruche's own action). */
  | { key: string; network: 'facebook'; accountId: string; action: 'visibility'; itemId: string; visibility: 'hide' | 'unhide'; at: number };

export interface WebhookItem {
  id: string;
  text: string;
  createdAt: string;
  author: { id: string; handle: string; name: string | null };
  parentId: string;
  rootId: string;
}

const iso = (seconds: number) => new Date(Math.min(seconds * 1000, Date.now() + 86_400_000)).toISOString();
/** Entry time is seconds on Page entries and sometimes milliseconds (messaging): both read as seconds. */
const seconds = (t: number) => (t > 1e11 ? Math.floor(t / 1000) : Math.floor(t));

/**
 * The changes of a delivery Ruche acts on. A comment carries its text, so it becomes an inbox item directly; a
 * Page comment's edit and removal change the stored item. Instagram's `comments` field has no edit or removal
 * event (Instagram Webhooks reference: id, text, from, media, parent_id only), so an Instagram comment removed
 * on the network stays as it was stored. Mentions and messages are a signal to poll that source now (polling
 * reads their text and the conversation with the ids the inbox already groups by). A Page comment hidden or
 * unhidden on Facebook is recorded as moderation done on the network (moderation/network-state.ts). Own comments
 * and unknown fields are left out.
 */
export function metaChanges(payload: MetaWebhookPayload): MetaChange[] {
  const network = payload.object === 'page' ? 'facebook' : payload.object === 'instagram' ? 'instagram' : null;
  if (!network) return [];
  const out: MetaChange[] = [];
  for (const entry of payload.entry) {
    const base = `meta:${payload.object}:${entry.id}:${seconds(entry.time)}`;
    for (const c of entry.changes ?? []) {
      if (network === 'facebook' && c.field === 'feed') {
        const v = feedComment.safeParse(c.value);
        if (!v.success) continue;
        const key = `${base}:feed:${v.data.verb}:${v.data.comment_id}`;
        const at = seconds(entry.time) * 1000;
        // Whoever `from` names, the change is to a comment: only a stored one (never the Page's own) is changed.
        if (v.data.verb === 'hide' || v.data.verb === 'unhide') {
          out.push({ key, network, accountId: entry.id, action: 'visibility', itemId: v.data.comment_id, visibility: v.data.verb, at });
          continue;
        }
        if (v.data.from?.id === entry.id) continue;
        if (v.data.verb === 'remove') {
          out.push({ key, network, accountId: entry.id, action: 'removed', itemId: v.data.comment_id, at });
          continue;
        }
        if ((v.data.verb !== 'add' && v.data.verb !== 'edited') || !v.data.from) continue;
        const item: WebhookItem = {
          id: v.data.comment_id, text: v.data.message ?? '', createdAt: iso(v.data.created_time ?? seconds(entry.time)),
          author: { id: v.data.from.id, handle: v.data.from.id, name: v.data.from.name ?? null },
          parentId: v.data.parent_id ?? v.data.post_id, rootId: v.data.post_id,
        };
        out.push(v.data.verb === 'edited' && v.data.message !== undefined
          ? { key, network, accountId: entry.id, action: 'edited', item, at }
          : { key, network, accountId: entry.id, action: 'item', item });
      } else if (network === 'instagram' && c.field === 'comments') {
        const v = igComment.safeParse(c.value);
        if (!v.success || !v.data.from || v.data.from.id === entry.id) continue;
        out.push({
          key: `${base}:comments:${v.data.id}`, network, accountId: entry.id, action: 'item',
          item: {
            id: v.data.id, text: v.data.text ?? '', createdAt: iso(seconds(entry.time)),
            author: { id: v.data.from.id, handle: v.data.from.username ?? v.data.from.id, name: null },
            parentId: v.data.parent_id ?? v.data.media.id, rootId: v.data.media.id,
          },
        });
      } else if (network === 'instagram' && c.field === 'mentions') {
        const v = igMention.safeParse(c.value);
        if (!v.success) continue;
        out.push({ key: `${base}:mentions:${v.data.comment_id ?? v.data.media_id}`, network, accountId: entry.id, action: 'poll', source: 'notifications' });
      } else if (c.field === 'messages') {
        out.push({ key: `${base}:messages:${changeId(c.value)}`, network, accountId: entry.id, action: 'poll', source: 'messages' });
      }
    }
    for (const m of entry.messaging ?? []) {
      if (!m.message || m.message.is_echo) continue;
      out.push({ key: `${base}:messages:${m.message.mid}`, network, accountId: entry.id, action: 'poll', source: 'messages' });
    }
  }
  return out;
}

const changeId = (value: unknown): string => {
  const v = value as { message?: { mid?: unknown }; id?: unknown } | null;
  const raw = v?.message?.mid ?? v?.id;
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw).slice(0, 128) : 'any';
};
