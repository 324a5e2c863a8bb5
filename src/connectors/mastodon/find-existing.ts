import { z } from 'zod';
import { ConnectorError, isConnectorError } from '../errors.js';
import type { ExistingHint } from '../types.js';
import type { MastodonHttp } from './http.js';
import { htmlToText } from './mapping.js';
import { nextMaxId } from './paging.js';
import { Status, StatusSource } from './schemas.js';

const PAGE_SIZE = 40;
/** Pages of the account's statuses read before giving up: past this, "not found" could not be proved. */
const MAX_PAGES = 5;

const same = (a: string, b: string) => normalise(a) === normalise(b);
const normalise = (text: string) => text.replace(/\r\n?/g, '\n').normalize('NFC').trim();

/**
 * The status this account published for `hint`, or null when none exists since `hint.notBefore`.
 * Matched on the text as written (the status source), not as rendered: servers that format Markdown or
 * rewrite text serve content that differs from what was sent. The listing is walked with de-duplication by
 * id and stops by time, so a server that ignores cursors cannot make it loop or miss a page; when the window
 * cannot be covered, the answer is unknown rather than a guess that would let a retry post twice.
 */
export async function findExistingStatus(
  http: MastodonHttp,
  accountId: string,
  hint: ExistingHint,
): Promise<Status | null> {
  const from = hint.notBefore ? Date.parse(hint.notBefore) : -Infinity;
  const seen = new Set<string>();
  let maxId: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, headers } = await http.call(`/api/v1/accounts/${accountId}/statuses`, z.array(Status), {
      query: { limit: String(PAGE_SIZE), max_id: maxId, exclude_reblogs: 'true' },
    });
    const fresh = data.filter((s) => !seen.has(s.id));
    fresh.forEach((s) => seen.add(s.id));
    const found = await firstMatch(http, fresh.filter((s) => isCandidate(s, hint, from)), hint);
    if (found) return found;
    if (data.length === 0) return null;
    // Newest first: once a post older than the window is seen, the window has been read.
    if (fresh.some((s) => Date.parse(s.created_at) < from)) return null;
    // The same page again: the server ignores max_id and nothing older can be read.
    if (fresh.length === 0) break;
    maxId = nextMaxId(headers) ?? fresh.at(-1)!.id;
  }
  throw new ConnectorError('mastodon', 'unknown_outcome', 'Mastodon did not let us read back far enough to check whether the post went out.');
}

function isCandidate(s: Status, hint: ExistingHint, from: number): boolean {
  if (s.reblog) return false;
  if ((s.in_reply_to_id ?? undefined) !== hint.replyTo?.id) return false;
  if (hint.mediaCount !== undefined && s.media_attachments.length !== hint.mediaCount) return false;
  if (!same(s.spoiler_text, hint.contentWarning ?? '')) return false;
  const at = Date.parse(s.created_at);
  return !(at < from);
}

/** Candidates whose rendered text already matches are checked first: usually the one, in one request. */
async function firstMatch(http: MastodonHttp, candidates: Status[], hint: ExistingHint): Promise<Status | null> {
  const likely = (s: Status) => (same(htmlToText(s.content), hint.text) ? 0 : 1);
  for (const s of [...candidates].sort((a, b) => likely(a) - likely(b))) {
    if (same(await sourceText(http, s), hint.text)) return s;
  }
  return null;
}

async function sourceText(http: MastodonHttp, s: Status): Promise<string> {
  try {
    return (await http.call(`/api/v1/statuses/${encodeURIComponent(s.id)}/source`, StatusSource)).data.text;
  } catch (err) {
    // Servers without the source endpoint (Mastodon before 3.5, some compatible ones): the rendered text is all there is.
    if (isConnectorError(err) && err.kind === 'gone') return htmlToText(s.content);
    throw err;
  }
}
