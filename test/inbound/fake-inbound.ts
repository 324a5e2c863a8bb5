import { ConnectorError, type ConnectorErrorKind } from '../../src/connectors/errors.js';
import type {
  Capability, Connector, InboundCounterEvent, InboundItem, InboundPage, InboundReadOptions, InboundStreamHandlers,
} from '../../src/connectors/types.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';
import { LocalNetwork } from '../helpers/local-network.js';

/**
 * An in-memory network that speaks the inbound contract (readInbox, readMessages, streamInbox) on top of the
 * local publishing network, for tests of the pipeline's own logic: paging newest first with a resumable cursor,
 * re-reading the newest page on each walk (as real networks make us do), duplicated and overlapping items on
 * demand, failures on demand, and a stream we push into. Real protocols are tested against the local Bluesky
 * network and the documented Mastodon fake.
 */
interface Walk {
  /** Where this walk is, as an offset in the newest-first list taken at its start. */
  offset: number;
  /** The newest id when this walk started: the next walk stops there. */
  top: string | null;
  /** Where the previous walk started: this one stops when it reaches it. */
  stopAt: string | null;
}

interface Feed {
  items: InboundItem[];
  counters: InboundCounterEvent[];
}

export class FakeInbound {
  readonly local = new LocalNetwork();
  readonly feeds = new Map<string, { notifications: Feed; messages: Feed }>();
  /** Every read: account, source and the cursor it was given. */
  readonly reads: Array<{ account: string; source: string; cursor: string | null }> = [];
  pageSize = 3;
  /** Each page also repeats the first item of the next one (overlapping pages). */
  overlap = false;
  private failures: Array<{ account: string; afterReads: number; kind: ConnectorErrorKind }> = [];
  private streams = new Map<string, Set<InboundStreamHandlers>>();
  streamFails = 0;
  /** When set, every subscription is refused for good with this error kind (a server without streaming). */
  streamRefusal: 'rejected' | null = null;
  streamAttempts = 0;
  /** Every subscription opened: the account, and the position it was asked to resume from. */
  readonly streamStarts: Array<{ account: string; resumeFrom: string | null }> = [];
  capabilities: Capability[] = ['publish', 'delete', 'reply', 'thread', 'media', 'readInbox', 'readMessages', 'streamInbox'];

  feed(account: string) {
    let f = this.feeds.get(account);
    if (!f) this.feeds.set(account, (f = { notifications: { items: [], counters: [] }, messages: { items: [], counters: [] } }));
    return f;
  }

  /** New items arrive on the network (newest first in its listing). */
  add(account: string, items: InboundItem[], source: 'notifications' | 'messages' = 'notifications') {
    const f = this.feed(account)[source];
    f.items.unshift(...[...items].reverse());
  }

  count(account: string, events: InboundCounterEvent[]) {
    this.feed(account).notifications.counters.push(...events);
  }

  /** The read after `afterReads` more reads of this account fails once with `kind`. */
  failAfter(account: string, afterReads: number, kind: ConnectorErrorKind = 'transient') {
    this.failures.push({ account, afterReads: this.reads.filter((r) => r.account === account).length + afterReads, kind });
  }

  /** Pushes items through every open stream of the account; resolves once the pipeline stored them. */
  async push(account: string, items: InboundItem[]) {
    const open = [...(this.streams.get(account) ?? [])];
    if (open.length === 0) throw new Error(`no stream open for ${account}`);
    for (const h of open) await h.items(items);
  }

  /** The open streams of the account say how far they delivered (as a firehose's sequence number). */
  async position(account: string, cursor: string) {
    for (const h of this.streams.get(account) ?? []) await h.position?.(cursor);
  }

  streaming(account: string) {
    return (this.streams.get(account)?.size ?? 0) > 0;
  }

  factory(): ConnectorFactory {
    const base = this.local.factory();
    return { create: (network, deps) => this.connector(base.create(network, deps), String((deps.credentials as { account?: string }).account)) };
  }

  private read(account: string, source: 'notifications' | 'messages', cursor: string | null, opts: InboundReadOptions): InboundPage {
    this.reads.push({ account, source, cursor });
    const n = this.reads.filter((r) => r.account === account).length;
    const i = this.failures.findIndex((f) => f.account === account && f.afterReads < n);
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw new ConnectorError('bluesky', f.kind, `fake network says ${f.kind}`, { retryAfterMs: f.kind === 'rate_limited' ? 50 : undefined });
    }
    const feed = this.feed(account)[source];
    const since = new Date(opts.since).getTime();
    const state: Walk = cursor ? (JSON.parse(cursor) as Walk) : { offset: 0, top: null, stopAt: null };
    const list = feed.items;
    const top = state.offset === 0 ? (list[0]?.ref.id ?? state.stopAt) : state.top;
    const stop = list.findIndex((x) => x.ref.id === state.stopAt);
    let end = stop >= 0 ? stop : list.length;
    const old = list.findIndex((x) => new Date(x.createdAt).getTime() < since);
    if (old >= 0) end = Math.min(end, old);
    // The newest page is always read again, so an item indexed late is still found.
    if (state.offset === 0 && state.stopAt !== null) end = Math.max(end, Math.min(this.pageSize, list.length));
    const slice = list.slice(state.offset, Math.min(end, state.offset + this.pageSize + (this.overlap ? 1 : 0)));
    const next = state.offset + this.pageSize;
    const more = next < end;
    const counters = state.offset === 0 ? feed.counters.slice() : [];
    return {
      items: structuredClone(slice),
      counters,
      cursor: JSON.stringify(more ? { offset: next, top, stopAt: state.stopAt } : { offset: 0, top: null, stopAt: top }),
      more,
      reachedBack: slice.length ? slice[slice.length - 1].createdAt : null,
    };
  }

  private connector(base: Connector, account: string): Connector {
    const net = this;
    return {
      ...base,
      capabilities: new Set(this.capabilities),
      readInbox: async (cursor, opts) => net.read(account, 'notifications', cursor, opts),
      readMessages: async (cursor, opts) => net.read(account, 'messages', cursor, opts),
      streamInbox: async (handlers, signal) => {
        if (net.streamRefusal) {
          net.streamAttempts++;
          throw new ConnectorError('bluesky', net.streamRefusal, 'This server offers no streaming API.');
        }
        if (net.streamFails > 0) {
          net.streamFails--;
          throw new ConnectorError('bluesky', 'transient', 'stream refused');
        }
        net.streamStarts.push({ account, resumeFrom: handlers.resumeFrom ?? null });
        const set = net.streams.get(account) ?? new Set();
        net.streams.set(account, set);
        set.add(handlers);
        await handlers.live?.('firehose');
        await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
        set.delete(handlers);
      },
    };
  }
}

let seq = 0;

/** A reply, mention or message as a network would give it. */
export function inboundItem(over: Partial<InboundItem> & { text: string }, author = 'fan'): InboundItem {
  seq++;
  return {
    kind: 'reply',
    ref: { id: `at://did:plc:${author}/app.bsky.feed.post/${Date.now().toString(36)}${seq}`, cid: `cid${seq}` },
    author: { id: `did:plc:${author}`, handle: `${author}.test`, displayName: author, avatarUrl: `https://cdn.test/${author}.jpg`, followers: 10, createdAt: '2024-01-01T00:00:00Z' },
    createdAt: new Date(Date.now() - 1000).toISOString(),
    url: null,
    parent: null,
    root: null,
    conversationId: null,
    quoted: null,
    languages: ['en'],
    context: [],
    ...over,
  };
}
