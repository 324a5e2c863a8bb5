/**
 * Live replies, quotes and mentions from the firehose of the account's PDS (com.atproto.sync.subscribeRepos).
 * A PDS's firehose carries the repositories it hosts: on a community's own PDS that is everyone, on a large
 * host only part of the network; polling the notifications stays the complete source. Records are taken
 * from the account's own PDS, which every other call trusts already, so commits are not re-verified here.
 * Events are handled one after the other and their sequence number is handed to `position` now and then, once
 * everything before it was delivered: a stream started again (a reconnect, a restart of Ruche) resumes from it,
 * so what was written meanwhile arrives by the stream too, not only with the next poll.
 */
import type { AtpAgent } from '@atproto/api';
import { Firehose, type EventRunner, type FirehoseOptions } from '@atproto/sync';
import type { InboundStreamHandlers } from '../types.js';
import { toConnectorError } from './errors.js';
import { InboundPostRecord } from './hostile.js';
import { buildItems, kindFor } from './items.js';
import { POST_COLLECTION, isFutureCursor, postsFirehoseOptions } from './posts-firehose.js';
import { checkSocketHost } from './socket-guard.js';

/** Events waiting to be handled; past this, they are passed over and the poll brings their items. */
const MAX_QUEUED = 500;

export interface FirehoseSource {
  agent: AtpAgent;
  /** The account's DID: what replies, quotes and mentions are aimed at. */
  did: string;
  /** The PDS's web address; its firehose is the same host over ws(s). */
  pdsUrl: string;
  allowPrivateNetworks: boolean;
}

export function firehoseUrl(pdsUrl: string): URL {
  const url = new URL(pdsUrl);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  return url;
}

/** Runs until `signal` aborts. A host the address guard refuses fails at once, as `rejected`. */
export async function streamFirehose(source: FirehoseSource, handlers: InboundStreamHandlers, signal: AbortSignal): Promise<void> {
  const url = firehoseUrl(source.pdsUrl);
  try {
    await checkSocketHost(url, source.allowPrivateNetworks);
  } catch (err) {
    throw toConnectorError(err);
  }
  if (signal.aborted) return;

  const report = (err: unknown) => handlers.error?.(err);
  const runner = new InOrderRunner(seqOf(handlers.resumeFrom), report);

  const options = {
    ...postsFirehoseOptions(url, source.allowPrivateNetworks, runner),
    handleEvent: async (evt) => {
      if (evt.event !== 'create' || evt.collection !== POST_COLLECTION || evt.did === source.did) return;
      const record = InboundPostRecord.safeParse(evt.record);
      if (!record.success) return;
      const kind = kindFor(record.data, source.did);
      if (!kind) return;
      const candidate = { kind, uri: evt.uri.toString(), cid: evt.cid.toString(), author: { did: evt.did, handle: evt.did }, record: record.data };
      await handlers.items(await buildItems(source.agent, [candidate]));
    },
    onError: (err) => {
      // A cursor ahead of the server (its sequence was reset) would be refused on every reconnect: start from now.
      if (isFutureCursor(err)) runner.forget();
      report(err);
    },
  } satisfies FirehoseOptions & { lookup: unknown };

  const firehose = new Firehose(options as FirehoseOptions);
  const running = firehose.start();
  let kept = runner.getCursor();
  const keep = async () => {
    const at = runner.done();
    if (at === undefined || at === kept || !handlers.position) return;
    try {
      await handlers.position(String(at));
      kept = at;
    } catch (err) {
      report(err);
    }
  };
  const timer = setInterval(() => void keep(), POSITION_MS);
  // The subscription reconnects by itself from here on: the account is fed by the firehose until the signal aborts.
  await Promise.resolve(handlers.live?.('firehose')).catch(report);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearInterval(timer);
  // destroy() waits for the subscription loop, which may sit in a reconnect delay: bounded, then let go.
  await settleWithin(Promise.all([firehose.destroy(), running]), STOP_WAIT_MS);
  await settleWithin(runner.idle(), STOP_WAIT_MS);
  await keep();
}

const seqOf = (cursor: string | null | undefined) => (cursor && /^\d{1,15}$/.test(cursor) ? Number(cursor) : undefined);

/** How often the position is kept: a busy firehose carries many events a second, the database gets one write. */
const POSITION_MS = 2_000;

/**
 * The firehose's events handled one at a time, in the order they came (the runner that @atproto/sync asks for; its
 * own runs each repository's events apart, and a plain `getCursor` option is not read without one). The cursor
 * given on each reconnect is the last event fully handled, so a reconnect within the run resumes there too.
 */
class InOrderRunner implements EventRunner {
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private handled: number | undefined,
    private readonly report: (err: unknown) => void,
  ) {}

  getCursor(): number | undefined {
    return this.handled;
  }

  /** The last event whose handling ended (its items delivered, or their failure reported). */
  done(): number | undefined {
    return this.handled;
  }

  forget() {
    this.handled = undefined;
  }

  trackEvent(_did: string, seq: number, handler: () => Promise<void>): Promise<void> {
    const skip = this.pending >= MAX_QUEUED;
    this.pending++;
    this.chain = this.chain.then(async () => {
      try {
        if (!skip) await handler();
      } catch (err) {
        this.report(err);
      }
      this.handled = seq;
      this.pending--;
    });
    return this.chain;
  }

  idle(): Promise<void> {
    return this.chain;
  }
}

const STOP_WAIT_MS = 5_000;

function settleWithin(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.catch(() => undefined).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
