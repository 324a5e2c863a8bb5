/**
 * The fake's webhook deliveries, as Meta sends them (Graph API "Webhooks: Getting Started" — event notifications
 * signed with X-Hub-Signature-256 = sha256=HMAC-SHA256(app secret, raw body); "Webhooks for Pages" `feed` field
 * with item=comment; "Instagram Webhooks" `comments` and `mentions` fields; Messenger Platform "Webhooks"
 * `messaging[]` entries). Payloads are built from the fake's own state, so what is delivered is also what a poll reads.
 */
import { signPayload } from '../../src/connectors/meta/signature.js';
import type { MetaFake } from './meta-fake.js';

export type WebhookPayload = { object: 'page' | 'instagram'; entry: Record<string, unknown>[] };

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * A Page `feed` change for a comment the fake holds: verb add, or edited (with the new message) or remove (no
 * message), or hide / unhide (the comment hidden or shown again on Facebook, or Meta's echo of an app's
 * `is_hidden`), sent at the time of the change.
 */
export function feedCommentPayload(fake: MetaFake, commentId: string, verb: 'add' | 'edited' | 'remove' | 'hide' | 'unhide' = 'add'): WebhookPayload {
  const c = fake.state.comments.get(commentId);
  if (!c) throw new Error(`no comment ${commentId}`);
  const post = fake.state.posts.get(c.rootId);
  if (!post) throw new Error(`comment ${commentId} is not on a Page post`);
  return {
    object: 'page',
    entry: [{
      id: post.pageId, time: seconds(verb === 'add' ? c.created : fake.state.tick()),
      changes: [{
        field: 'feed',
        value: {
          from: { id: c.fromId, name: c.fromName }, post: { status_type: 'mobile_status_update', is_published: true, id: post.id },
          ...(verb === 'remove' ? {} : { message: c.message }), post_id: post.id, comment_id: c.id, created_time: seconds(c.created), item: 'comment',
          parent_id: c.parentId ?? post.id, verb,
        },
      }],
    }],
  };
}

/** An Instagram `comments` change for a comment the fake holds on a media. */
export function igCommentPayload(fake: MetaFake, commentId: string): WebhookPayload {
  const c = fake.state.comments.get(commentId);
  if (!c) throw new Error(`no comment ${commentId}`);
  const media = fake.state.media.get(c.rootId);
  if (!media) throw new Error(`comment ${commentId} is not on Instagram media`);
  return {
    object: 'instagram',
    entry: [{
      id: media.igUserId, time: seconds(c.created),
      changes: [{
        field: 'comments',
        value: {
          from: { id: c.fromId, username: c.fromName }, media: { id: media.id, media_product_type: 'FEED' }, id: c.id, text: c.message,
          ...(c.parentId ? { parent_id: c.parentId } : {}),
        },
      }],
    }],
  };
}

/** An Instagram `mentions` change: ids only, the caption is read through the API. */
export function igMentionPayload(igUserId: string, mediaId: string, commentId?: string, time = Date.now()): WebhookPayload {
  return { object: 'instagram', entry: [{ id: igUserId, time: seconds(time), changes: [{ field: 'mentions', value: { media_id: mediaId, ...(commentId ? { comment_id: commentId } : {}) } }] }] };
}

/** A Messenger (object page) or Instagram Direct (object instagram) message to the account. */
export function messagePayload(object: 'page' | 'instagram', accountId: string, from: string, mid: string, text: string, time = Date.now()): WebhookPayload {
  return {
    object,
    entry: [{ id: accountId, time, messaging: [{ sender: { id: from }, recipient: { id: accountId }, timestamp: time, message: { mid, text } }] }],
  };
}

export interface DeliveryOptions {
  /** The app secret to sign with (the fake app's by default); null sends no signature header. */
  secret?: string | null;
  /** A header value to send as it is (a forged or stale signature). */
  signature?: string;
}

/** POSTs a payload to a webhook callback as Meta does: raw JSON, signed. */
export async function deliverWebhook(url: string, payload: WebhookPayload | string, secret: string | null, opts: Omit<DeliveryOptions, 'secret'> = {}): Promise<Response> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
  const signature = opts.signature ?? (secret === null ? null : signPayload(body, secret));
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return fetch(url, { method: 'POST', headers, body });
}

/** Meta's verification request when the callback URL is saved in the App Dashboard. */
export function verifyCallback(url: string, verifyToken: string, challenge = String(Math.floor(Math.random() * 1e9))): Promise<Response> {
  const u = new URL(url);
  u.searchParams.set('hub.mode', 'subscribe');
  u.searchParams.set('hub.challenge', challenge);
  u.searchParams.set('hub.verify_token', verifyToken);
  return fetch(u);
}
