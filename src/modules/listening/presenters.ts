import type { SourceRow } from './sources.js';
import { iso } from './route-common.js';

export function sourceView(s: SourceRow) {
  return {
    id: s.id, kind: s.kind, url: s.url, tag: s.tag, title: s.title, status: s.status, health: s.health, lastError: s.last_error,
    failures: Number(s.failures), mentionCount: Number(s.mention_count), lastPolledAt: iso(s.last_polled_at), lastOkAt: iso(s.last_ok_at),
    nextPollAt: iso(s.next_poll_at),
  };
}
