/**
 * The data behind the Mastodon fake, rendered as the documented entities
 * (Account, Status, MediaAttachment, Notification, Conversation, Relationship, Report).
 * Writing a status notifies the accounts it mentions (a reply notifies its parent's author only through the
 * mention, as on Mastodon), a quote notifies the quoted author, and a direct status opens or moves a conversation
 * for each participant. Blocked and muted accounts notify nobody, as Mastodon filters them.
 */
import { randomUUID } from 'node:crypto';
import type { MastodonQuirks } from './mastodon-fake-quirks.js';

export interface FakeAccount {
  id: string;
  username: string;
  displayName: string;
  token: string;
  followersCount?: number;
  createdAt?: string;
  /** An account of another server, known here through federation: its home's host and profile address. */
  domain?: string;
  remoteUrl?: string;
}
export interface FakeMedia {
  id: string;
  ownerId: string;
  mime: string;
  size: number;
  description: string | null;
  pendingPolls: number; // GETs still answered 206 before "processing" is done
  statusId: string | null;
}
export interface FakeStatus {
  id: string;
  accountId: string;
  text: string;
  spoilerText: string;
  visibility: string;
  language: string | null;
  inReplyToId: string | null;
  mediaIds: string[];
  createdAt: string;
  deleted: boolean;
  /** The status it quotes (Mastodon 4.4+). */
  quoteId?: string | null;
  /** A status from another server keeps the uri and address it has there. */
  uri?: string;
  url?: string;
}
export type FakeNotificationType = 'mention' | 'favourite' | 'reblog' | 'follow' | 'quote';
export interface FakeNotification {
  id: string;
  recipientId: string;
  type: FakeNotificationType;
  fromId: string;
  statusId: string | null;
  createdAt: string;
}
/** Mastodon's AccountConversation: one per participant, moved up by each new direct status of its thread. */
export interface FakeConversation {
  id: string;
  ownerId: string;
  threadKey: string;
  participantIds: string[];
  lastStatusId: string;
  unread: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export class FakeState {
  private seq = 100;
  accounts: FakeAccount[] = [];
  statuses: FakeStatus[] = [];
  media = new Map<string, FakeMedia>();
  blocks = new Set<string>(); // `${by}:${target}`
  mutes = new Set<string>();
  reports: { id: string; by: string; accountId: string; statusIds: string[]; comment: string }[] = [];
  notifications: FakeNotification[] = [];
  conversations: FakeConversation[] = [];
  favourites = new Set<string>(); // `${by}:${statusId}`
  reblogs = new Set<string>();
  /** Called with each new notification: the streaming endpoint listens here. */
  readonly listeners = new Set<(n: FakeNotification) => void>();
  /** Called with each new status: the public streams listen here. */
  readonly statusListeners = new Set<(s: FakeStatus) => void>();

  constructor(readonly origin: () => string, readonly quirks: MastodonQuirks = {}, readonly domain = 'fake.test') {}

  nextId(): string {
    // Random UUIDs, not time-ordered ones: a client must not rely on any order of ids.
    return this.quirks.uuidIds ? randomUUID() : String(++this.seq);
  }

  /** Position in creation order, which is what Mastodon's numeric ids encode; -1 for an unknown id. */
  rank(id: string): number {
    return this.statuses.findIndex((s) => s.id === id);
  }

  account(id: string): FakeAccount | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  status(id: string): FakeStatus | undefined {
    return this.statuses.find((s) => s.id === id && !s.deleted);
  }

  /** Stores a status as the server does on POST /api/v1/statuses: notifications and conversations follow. */
  addStatus(s: FakeStatus): FakeStatus {
    this.statuses.push(s);
    const mentioned = this.mentionsOf(s).map((m) => m.id).filter((id) => id !== s.accountId);
    for (const id of mentioned) this.notify(id, 'mention', s.accountId, s.id, s.createdAt);
    const quoted = s.quoteId ? this.status(s.quoteId) : undefined;
    if (quoted && !this.quirks.noQuotes && quoted.accountId !== s.accountId) this.notify(quoted.accountId, 'quote', s.accountId, s.id, s.createdAt);
    if (s.visibility === 'direct') this.converse(s, [s.accountId, ...mentioned]);
    for (const listener of this.statusListeners) listener(s);
    return s;
  }

  notify(recipientId: string, type: FakeNotificationType, fromId: string, statusId: string | null, createdAt = new Date().toISOString()) {
    if (this.blocks.has(`${recipientId}:${fromId}`) || this.mutes.has(`${recipientId}:${fromId}`)) return null;
    const n: FakeNotification = { id: this.nextId(), recipientId, type, fromId, statusId, createdAt };
    this.notifications.push(n);
    for (const listener of this.listeners) listener(n);
    return n;
  }

  private converse(s: FakeStatus, participants: string[]) {
    const threadKey = this.threadOf(s.id);
    for (const ownerId of new Set(participants)) {
      const existing = this.conversations.find((c) => c.ownerId === ownerId && c.threadKey === threadKey);
      if (existing) Object.assign(existing, { lastStatusId: s.id, unread: ownerId !== s.accountId });
      else this.conversations.push({ id: this.nextId(), ownerId, threadKey, participantIds: [...new Set(participants)],
        lastStatusId: s.id, unread: ownerId !== s.accountId });
    }
  }

  /** The first status of a direct thread. */
  private threadOf(id: string): string {
    let s = this.statuses.find((x) => x.id === id);
    while (s?.inReplyToId) {
      const up = this.statuses.find((x) => x.id === s!.inReplyToId);
      if (!up || up.visibility !== 'direct') break;
      s = up;
    }
    return s?.id ?? id;
  }

  renderAccount(a: FakeAccount) {
    const posts = this.statuses.filter((s) => s.accountId === a.id && !s.deleted).length;
    return {
      id: a.id, username: a.username, acct: a.domain ? `${a.username}@${a.domain}` : a.username, display_name: a.displayName,
      locked: false, bot: false, discoverable: true, group: false, created_at: a.createdAt ?? '2024-01-01T00:00:00.000Z',
      note: '', url: a.remoteUrl ?? `${this.origin()}/@${a.username}`, avatar: `${this.origin()}/avatars/original/missing.png`,
      header: `${this.origin()}/headers/original/missing.png`, followers_count: a.followersCount ?? 3, following_count: 2,
      statuses_count: posts, last_status_at: null, emojis: [], fields: [],
    };
  }

  renderMedia(m: FakeMedia) {
    const ready = m.pendingPolls <= 0;
    return {
      id: m.id, type: m.mime.startsWith('image/') ? 'image' : 'unknown',
      url: ready ? `${this.origin()}/system/media/${m.id}.bin` : null,
      preview_url: `${this.origin()}/system/media/${m.id}-small.bin`,
      remote_url: null, meta: {}, description: m.description, blurhash: null,
    };
  }

  /** Mastodon turns @mentions, #tags and URLs into links server-side; the same is done here. */
  private contentOf(s: FakeStatus) {
    const out = this.linkify(s);
    return this.quirks.markdown ? { ...out, content: markdown(out.content) } : out;
  }

  /** The local accounts a status mentions, as the server links them. */
  mentionsOf(s: FakeStatus) {
    return this.linkify(s).mentions;
  }

  private linkify(s: FakeStatus) {
    const mentions: { id: string; username: string; acct: string; url: string }[] = [];
    const tags: { name: string; url: string }[] = [];
    const html = s.text.split(/(\s+)/).map((word) => {
      const url = /^https?:\/\/\S+$/.exec(word);
      if (url) return `<a href="${esc(word)}" rel="nofollow noopener" target="_blank">${esc(word)}</a>`;
      const mention = /^@([a-z0-9_]+)(?:@[\w.-]*\w)?([.,;:!?)]*)$/i.exec(word);
      const target = mention && this.accounts.find((a) => a.username === mention[1]);
      if (target) {
        mentions.push({ id: target.id, username: target.username, acct: target.username, url: `${this.origin()}/@${target.username}` });
        return `<span class="h-card"><a href="${this.origin()}/@${target.username}" class="u-url mention">@<span>${target.username}</span></a></span>${esc(mention[2])}`;
      }
      const tag = /^#(\w+)$/u.exec(word);
      if (tag) {
        tags.push({ name: tag[1].toLowerCase(), url: `${this.origin()}/tags/${tag[1].toLowerCase()}` });
        return `<a href="${this.origin()}/tags/${tag[1]}" class="mention hashtag" rel="tag">#<span>${esc(tag[1])}</span></a>`;
      }
      if (this.quirks.markdown) return esc(word);
      return esc(word).replace(/\n/g, '<br>');
    });
    return { content: this.quirks.markdown ? html.join('') : `<p>${html.join('')}</p>`, mentions, tags };
  }

  renderStatus(s: FakeStatus, depth = 0): Record<string, unknown> & { id: string; content: string; mentions: { acct: string }[];
    tags: { name: string }[]; media_attachments: { description: string | null }[] } {
    const author = this.account(s.accountId)!;
    const parent = s.inReplyToId ? this.statuses.find((p) => p.id === s.inReplyToId) : undefined;
    const { content, mentions, tags } = this.contentOf(s);
    const live = (x: FakeStatus) => !x.deleted;
    return {
      id: s.id, uri: s.uri ?? `${this.origin()}/users/${author.username}/statuses/${s.id}`,
      url: s.url ?? `${this.origin()}/@${author.username}/${s.id}`, created_at: s.createdAt, edited_at: null,
      account: this.renderAccount(author), content, visibility: s.visibility,
      sensitive: s.spoilerText !== '', spoiler_text: s.spoilerText,
      media_attachments: s.mediaIds.map((id) => this.renderMedia(this.media.get(id)!)),
      application: { name: 'Ruche', website: null }, mentions, tags, emojis: [],
      reblogs_count: this.countOf(this.reblogs, s.id), favourites_count: this.countOf(this.favourites, s.id),
      replies_count: this.statuses.filter((r) => live(r) && r.inReplyToId === s.id).length,
      in_reply_to_id: s.inReplyToId, in_reply_to_account_id: parent?.accountId ?? null,
      reblog: null, poll: null, card: null, language: s.language, text: null,
      ...(this.quirks.noQuotes ? {} : { quote: this.quoteOf(s, depth), quotes_count: this.statuses.filter((q) => live(q) && q.quoteId === s.id).length }),
    };
  }

  /** Mastodon 4.4's Quote entity; a quote inside a quote is the shallow one, with the id only. */
  private quoteOf(s: FakeStatus, depth: number) {
    if (!s.quoteId) return null;
    const quoted = this.status(s.quoteId);
    if (!quoted) return { state: 'deleted', quoted_status: null };
    return depth > 0 ? { state: 'accepted', quoted_status_id: quoted.id } : { state: 'accepted', quoted_status: this.renderStatus(quoted, depth + 1) };
  }

  private countOf(set: Set<string>, statusId: string) {
    return [...set].filter((k) => k.endsWith(`:${statusId}`)).length;
  }

  renderNotification(n: FakeNotification) {
    const status = n.statusId ? this.statuses.find((s) => s.id === n.statusId) : undefined;
    return { id: n.id, type: n.type, created_at: n.createdAt, group_key: `ungrouped-${n.id}`,
      account: this.renderAccount(this.account(n.fromId)!), status: status && !status.deleted ? this.renderStatus(status) : null };
  }

  renderConversation(c: FakeConversation) {
    return { id: c.id, unread: c.unread,
      accounts: c.participantIds.filter((id) => id !== c.ownerId).map((id) => this.renderAccount(this.account(id)!)),
      last_status: this.renderStatus(this.statuses.find((s) => s.id === c.lastStatusId)!) };
  }

  relationship(by: string, target: string) {
    return {
      id: target, following: false, showing_reblogs: false, notifying: false, languages: null, followed_by: false,
      blocking: this.blocks.has(`${by}:${target}`), blocked_by: false, muting: this.mutes.has(`${by}:${target}`),
      muting_notifications: this.mutes.has(`${by}:${target}`), requested: false, requested_by: false,
      domain_blocking: false, endorsed: false, note: '',
    };
  }
}

/**
 * A small Markdown renderer, as compatible servers that format posts with Markdown do: paragraphs, line
 * breaks, emphasis, strong, code and [links](…). Links already made (URLs, mentions, tags) are left alone.
 */
function markdown(linked: string): string {
  const kept: string[] = [];
  const hold = (html: string) => `\u0000${kept.push(html) - 1}\u0000`;
  let text = linked.replace(/<a [^>]*>.*?<\/a>/g, hold);
  text = text
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label: string, href: string) => hold(`<a href="${href}" rel="nofollow noopener" target="_blank">${label}</a>`))
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*(?!\s)(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])[*_](?!\s)([^*_]+?)[*_](?=$|[\s.,;:!?)])/gm, '$1<em>$2</em>');
  const paragraphs = text.trim().split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`);
  return paragraphs.join('').replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]);
}
