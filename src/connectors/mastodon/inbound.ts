/**
 * The inbox from Mastodon: notifications (mentions, replies and quotes as items; favourites, reblogs and follows
 * as counters) and conversations (direct messages), each walked with the cursor of inbound-walk.ts, with each
 * item's thread above it. Direct mentions are left to the conversations, which say which conversation they belong to.
 */
import { z } from 'zod';
import { isConnectorError } from '../errors.js';
import type { InboundAuthor, InboundCounterEvent, InboundItem, InboundKind, InboundPage, InboundReadOptions, ThreadContextEntry } from '../types.js';
import { capChars, htmlToText } from './html-text.js';
import type { MastodonHttp } from './http.js';
import { walkPage, type WalkItem } from './inbound-walk.js';
import { Account, Conversation, Listed, LooseContext, Notification, Status } from './schemas.js';

/** The most ancestors kept as an item's context: the nearest ones. */
const MAX_CONTEXT = 20;
const COUNTERS: Record<string, InboundCounterEvent['kind']> = { favourite: 'like', reblog: 'repost', follow: 'follow' };

interface Entry<T> extends WalkItem {
  value: T | null;
}

/** Each entry of a listing: walkable when it has an id and a time, usable when it reads as `schema`. */
function entries<S extends z.ZodType>(raw: unknown[], schema: S, walkOf: (v: z.infer<S>) => WalkItem): Entry<z.infer<S>>[] {
  return raw.flatMap((entry): Entry<z.infer<S>>[] => {
    const full = schema.safeParse(entry);
    if (full.success) return [{ ...walkOf(full.data), value: full.data }];
    const head = Listed.safeParse(entry);
    return head.success ? [{ id: head.data.id, created_at: head.data.created_at, value: null }] : [];
  });
}

export const toInboundAuthor = (a: z.infer<typeof Account>): InboundAuthor => ({
  id: a.id,
  handle: a.acct,
  displayName: a.display_name ? capChars(a.display_name, 200) : null,
  avatarUrl: a.avatar && /^https?:\/\//i.test(a.avatar) ? a.avatar : null,
  followers: a.followers_count ?? null,
  createdAt: a.created_at ?? null,
});

/** What the author wrote, content warning first: both are theirs to answer for. */
export function statusText(s: Status): string {
  const body = htmlToText(s.content);
  const warning = s.spoiler_text.trim();
  return warning ? `${capChars(warning, 1000)}\n\n${body}` : body;
}

const quotedOf = (s: Status) => s.quote?.quoted_status ?? (s.quote?.quoted_status_id ? { id: s.quote.quoted_status_id, account: undefined } : null);

export class MastodonInbound {
  constructor(
    private readonly http: MastodonHttp,
    private readonly accountId: string,
  ) {}

  async readInbox(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    const page = await walkPage(cursor, opts.since, async (query) => {
      const { data, headers } = await this.http.call('/api/v1/notifications', z.array(z.unknown()), { query });
      return { items: entries(data, Notification, (n) => n), headers };
    });
    const items: InboundItem[] = [];
    const counters: InboundCounterEvent[] = [];
    for (const { value: n } of page.fresh) {
      if (!n) continue;
      const counter = COUNTERS[n.type];
      if (counter) counters.push({ kind: counter, id: n.id, createdAt: n.created_at });
      else if ((n.type === 'mention' || n.type === 'quote') && n.status) {
        const item = await this.notificationItem(n);
        if (item && !items.some((i) => i.ref.id === item.ref.id)) items.push(item);
      }
    }
    return { items, counters, cursor: page.cursor(), more: page.more, reachedBack: page.reachedBack };
  }

  async readMessages(cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
    const page = await walkPage(cursor, opts.since, async (query) => {
      const { data, headers } = await this.http.call('/api/v1/conversations', z.array(z.unknown()), { query });
      // Mastodon orders and pages conversations by their last status: that is what is walked.
      return { items: entries(data, Conversation, (c) => ({ id: c.last_status.id, created_at: c.last_status.created_at })), headers };
    });
    const items: InboundItem[] = [];
    const earlier: Status[] = [];
    for (const { value: conversation } of page.fresh) {
      if (!conversation) continue;
      const last = conversation.last_status;
      const ancestors = last.in_reply_to_id ? await this.ancestors(last.id) : [];
      if (ancestors === null) continue;
      // The messages before the last one that this walk has not seen yet came in since: they are read too.
      const chain = [...ancestors, last];
      chain.forEach((s, i) => {
        if (s.visibility !== 'direct' || s.account.id === this.accountId || items.some((x) => x.ref.id === s.id)) return;
        if (s !== last && !page.isNew(s)) return;
        if (s !== last) earlier.push(s);
        items.push(this.toItem(s, 'message', chain.slice(0, i), conversation.id));
      });
    }
    return { items, counters: [], cursor: page.cursor(earlier), more: page.more, reachedBack: page.reachedBack };
  }

  /** A mention or quote notification as an item, or null when it is a direct message or its status is gone. */
  async notificationItem(n: Notification): Promise<InboundItem | null> {
    const status = n.status;
    if (!status || status.visibility === 'direct') return null;
    const ancestors = status.in_reply_to_id ? await this.ancestors(status.id) : [];
    if (ancestors === null) return null;
    const parentAuthor = status.in_reply_to_account_id ?? ancestors.at(-1)?.account.id;
    const quoted = quotedOf(status);
    let kind: InboundKind = 'mention';
    if (status.in_reply_to_id && parentAuthor === this.accountId) kind = 'reply';
    else if (n.type === 'quote' || (quoted && quoted.account?.id === this.accountId)) kind = 'quote';
    return this.toItem(status, kind, ancestors, null);
  }

  /** The statuses above one, oldest first; null when it is gone. Ancestors that cannot be read are left out. */
  private async ancestors(id: string): Promise<Status[] | null> {
    try {
      const { data } = await this.http.call(`/api/v1/statuses/${encodeURIComponent(id)}/context`, LooseContext);
      return data.ancestors.flatMap((a) => {
        const s = Status.safeParse(a);
        return s.success ? [s.data] : [];
      });
    } catch (err) {
      if (isConnectorError(err) && err.kind === 'gone') return null;
      throw err;
    }
  }

  private toItem(s: Status, kind: InboundKind, ancestors: Status[], conversationId: string | null): InboundItem {
    const quoted = quotedOf(s);
    const context: ThreadContextEntry[] = ancestors.slice(-MAX_CONTEXT).map((a) => ({
      ref: { id: a.id }, authorHandle: a.account.acct, text: statusText(a), createdAt: a.created_at,
    }));
    return {
      kind,
      ref: { id: s.id },
      author: toInboundAuthor(s.account),
      text: statusText(s),
      createdAt: s.created_at,
      url: s.url ?? (/^https?:\/\//i.test(s.uri) ? s.uri : null),
      parent: s.in_reply_to_id ? { id: s.in_reply_to_id } : null,
      root: s.in_reply_to_id ? { id: ancestors[0]?.id ?? s.in_reply_to_id } : null,
      conversationId,
      quoted: quoted ? { id: quoted.id } : null,
      languages: s.language ? [s.language] : [],
      context,
    };
  }
}
