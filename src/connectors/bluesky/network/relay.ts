/**
 * The network's posts from a relay's or a PDS's firehose (com.atproto.sync.subscribeRepos), read with
 * @atproto/sync. The position is the firehose's sequence number. Commits are not verified: the relay chosen is
 * trusted as the source, and listening only reads public posts. Identity events are left out (reading their
 * handle means resolving the DID elsewhere), so an author's handle is their DID until the pipeline knows better.
 */
import { Firehose, type EventRunner, type FirehoseOptions } from '@atproto/sync';
import { toConnectorError } from '../errors.js';
import { isFutureCursor, postsFirehoseOptions } from '../posts-firehose.js';
import { checkSocketHost } from '../socket-guard.js';
import { settleWithin } from './backoff.js';
import { POST_COLLECTION, toListeningPost } from './listening-post.js';
import { StreamRun, type ConnectionEnd } from './stream-run.js';
import type { NetworkStreamOptions, StreamStats } from './types.js';

const STOP_WAIT_MS = 5_000;

/** A relay's or PDS's address, written with http(s) or ws(s). */
export function relayUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  return url;
}

const seqOf = (cursor: string | null) => (cursor && /^\d{1,15}$/.test(cursor) ? Number(cursor) : null);

/** Runs until `signal` aborts, then resolves with what it did. A host the address guard refuses fails at once. */
export async function streamRelayPosts(opts: NetworkStreamOptions): Promise<StreamStats> {
  const url = relayUrl(opts.url);
  try {
    await checkSocketHost(url, opts.allowPrivateNetworks);
  } catch (err) {
    throw toConnectorError(err);
  }
  const run = new StreamRun(opts, seqOf(opts.cursor));
  const { stats, batcher } = run;

  return run.run((acked, onClose) =>
    new Promise<ConnectionEnd>((resolve) => {
      const end: ConnectionEnd = { error: null };
      // The events seen, handled one after the other in their order; the subscription's own reconnects ask for the
      // last one seen, as this queue outlives them.
      let seen = acked;
      let pending = 0;
      let chain: Promise<void> = Promise.resolve();
      let reading = true;
      const runner: EventRunner = {
        getCursor: () => seen ?? undefined,
        trackEvent: (_did, seq, handler) => {
          if (!reading) return chain;
          seen = seq;
          pending++;
          if (pending + batcher.queued > run.maxQueued) run.overflow();
          chain = chain.then(async () => {
            if (reading) {
              await handler();
              batcher.advance(seq);
            }
            pending--;
          });
          return chain;
        },
      };
      const options = {
        ...postsFirehoseOptions(url, opts.allowPrivateNetworks, runner),
        onReconnect: () => run.status({ state: 'live' }),
        onReconnectError: (err: unknown) => run.status({ state: 'backoff', error: messageOf(err) }),
        handleEvent: async (evt) => {
          if (evt.event !== 'create' || evt.collection !== POST_COLLECTION) return;
          const seenAt = Date.parse(evt.time);
          run.lastEventMs = Number.isFinite(seenAt) ? seenAt : run.now();
          const post = toListeningPost({ did: evt.did, rkey: evt.rkey, record: evt.record, seenAt: run.lastEventMs });
          if (!post) return void stats.skipped++;
          stats.posts++;
          batcher.add(post);
        },
        onError: (err) => {
          end.error = messageOf(err);
          // A position ahead of the server (its sequence started again) would be refused on every reconnect.
          if (isFutureCursor(err)) {
            end.forgetPosition = true;
            stop();
          }
        },
      } satisfies FirehoseOptions & Record<string, unknown>;
      const firehose = new Firehose(options as FirehoseOptions);
      const running = firehose.start();
      let stopped = false;
      function stop() {
        if (stopped) return;
        stopped = true;
        reading = false;
        opts.signal.removeEventListener('abort', stop);
        // destroy() waits for the subscription loop, which may sit in a reconnect pause: bounded, then let go.
        void settleWithin(Promise.all([firehose.destroy(), running]), STOP_WAIT_MS)
          .then(() => settleWithin(chain, STOP_WAIT_MS))
          .then(() => resolve(end));
      }
      onClose(stop);
      if (opts.signal.aborted) stop();
      else opts.signal.addEventListener('abort', stop, { once: true });
      run.status({ state: 'live' });
    }));
}

function messageOf(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  const inner = cause instanceof Error ? cause.message : null;
  return inner ?? (err instanceof Error ? err.message : String(err));
}
