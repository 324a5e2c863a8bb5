/**
 * What the two firehose readers share (an account's PDS for its inbox, a relay for listening): a subscription to
 * posts only, with commits not verified (the host chosen is trusted as the source, and only public posts are read),
 * identity and account events left out, and the socket connecting only where the address guard allows.
 */
import { IdResolver } from '@atproto/identity';
import type { EventRunner, FirehoseOptions } from '@atproto/sync';
import { guardedLookup } from './socket-guard.js';

export const POST_COLLECTION = 'app.bsky.feed.post';

/** The subscription's settings but its handlers; `lookup` is passed on to the socket, which the typings do not say. */
export function postsFirehoseOptions(url: URL, allowPrivateNetworks: boolean, runner: EventRunner) {
  return {
    service: url.origin,
    // Never called: commits are not verified, identity events are not read.
    idResolver: new IdResolver(),
    unauthenticatedCommits: true,
    unauthenticatedHandles: true,
    excludeIdentity: true,
    excludeAccount: true,
    excludeSync: true,
    filterCollections: [POST_COLLECTION],
    lookup: guardedLookup(allowPrivateNetworks),
    runner,
  } satisfies Partial<FirehoseOptions> & { lookup: unknown };
}

/** The host refused the position given: its sequence started again, and the position must be forgotten. */
export const isFutureCursor = (err: unknown) => /FutureCursor/.test(String((err as { cause?: unknown })?.cause ?? err));
