import type { AtpAgent } from '@atproto/api';
import { z } from 'zod';
import type { InboundCounterEvent, InboundPage, InboundReadOptions } from '../types.js';
import { InboundPostRecord, isoDate } from './hostile.js';
import { buildItems, type Candidate } from './items.js';
import { decodeWalk, encodeWalk, nextWalk, WalkPage } from './walk.js';

/** listNotifications' largest page. */
export const PAGE_SIZE = 50;
const REASONS = ['reply', 'mention', 'quote', 'like', 'repost', 'follow'] as const;
const ITEM_REASONS = new Set<string>(['reply', 'mention', 'quote']);
const COUNTER_REASONS = new Set<string>(['like', 'repost', 'follow']);

const Notification = z
  .object({
    uri: z.string().startsWith('at://').max(2_048),
    cid: z.string().max(200),
    author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional(), avatar: z.string().optional() }).loose(),
    reason: z.string(),
    record: z.unknown(),
    indexedAt: z.string(),
  })
  .loose();

/** One page of the walk down the account's notifications (see walk.ts). */
export async function readInboxPage(agent: AtpAgent, cursor: string | null, opts: InboundReadOptions): Promise<InboundPage> {
  const state = nextWalk(decodeWalk(cursor, opts.since));
  const { data } = await agent.app.bsky.notification.listNotifications({ limit: PAGE_SIZE, cursor: state.page ?? undefined, reasons: [...REASONS] });
  const page = new WalkPage(state);
  const candidates: Candidate[] = [];
  const counters: InboundCounterEvent[] = [];
  let reachedStop = false;
  for (const raw of data.notifications as unknown[]) {
    const n = Notification.safeParse(raw);
    if (!n.success) continue;
    const sortAt = isoDate(n.data.indexedAt);
    if (!sortAt) continue;
    // Notifications come newest first: past the stop, the rest are older still.
    if (page.pastStop(sortAt)) {
      reachedStop = true;
      break;
    }
    if (!page.take(n.data.uri, sortAt)) continue;
    if (ITEM_REASONS.has(n.data.reason)) {
      const record = InboundPostRecord.safeParse(n.data.record);
      if (record.success) candidates.push({ kind: n.data.reason as Candidate['kind'], uri: n.data.uri, cid: n.data.cid, author: n.data.author, record: record.data });
    } else if (COUNTER_REASONS.has(n.data.reason)) {
      const createdAt = isoDate((n.data.record as { createdAt?: unknown } | null)?.createdAt) ?? sortAt;
      counters.push({ kind: n.data.reason as InboundCounterEvent['kind'], id: n.data.uri, createdAt });
    }
  }
  const more = !reachedStop && Boolean(data.cursor) && data.notifications.length > 0;
  const items = await buildItems(agent, candidates);
  const next = page.finish(more ? data.cursor! : null);
  return { items, counters, cursor: encodeWalk(next), more, reachedBack: page.oldest };
}
