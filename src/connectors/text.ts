import { ConnectorError } from './errors.js';
import type { NetworkLimits, OutgoingPost, TextCount, TextLimits } from './types.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

// Close to what Mastodon's validator extracts: URLs with a scheme, and remote mentions, which count as @user only.
const URL_RE = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/giu;
const REMOTE_MENTION_RE = /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)@[\p{L}\p{N}.-]+\p{L}/giu;

/** Characters a text costs against `limits` (URLs at a fixed weight where the network says so). */
export function countWith(limits: TextLimits, text: string, contentWarning = ''): TextCount {
  let countable = text;
  if (limits.urlWeight !== null) {
    const placeholder = 'x'.repeat(limits.urlWeight);
    countable = countable.replace(URL_RE, () => placeholder).replace(REMOTE_MENTION_RE, '$1@$2');
  }
  const cw = limits.contentWarningCounts ? graphemeLength(contentWarning) : 0;
  return { used: graphemeLength(countable) + cw, max: limits.max };
}

/**
 * Refuses, before anything is sent, a post the network would refuse: too long, too many or too big media,
 * an unsupported type, missing alt support, or options the network lacks.
 */
export function assertPublishable(network: string, limits: NetworkLimits, post: OutgoingPost): void {
  const reject = (message: string): never => {
    throw new ConnectorError(network, 'rejected', message);
  };
  if (!post.idempotencyKey) reject('A post needs an idempotency key.');
  const media = post.media ?? [];
  const { used, max } = countWith(limits.text, post.text, post.contentWarning);
  if (used > max) reject(`The text is ${used} characters long; ${network} allows ${max}.`);
  if (used === 0 && media.length === 0) reject('The post is empty.');
  if (media.length > limits.media.maxCount) reject(`${network} allows ${limits.media.maxCount} media per post.`);
  for (const m of media) {
    if (!limits.media.mimeTypes.includes(m.mimeType)) reject(`${network} does not accept ${m.mimeType} files.`);
    if (m.bytes.byteLength > limits.media.maxBytes) {
      reject(`A file is ${m.bytes.byteLength} bytes; ${network} allows ${limits.media.maxBytes}.`);
    }
    if (m.alt && graphemeLength(m.alt) > limits.media.maxAltLength) {
      reject(`An alt text is longer than ${limits.media.maxAltLength} characters.`);
    }
  }
  if (post.contentWarning && !limits.contentWarning) reject(`${network} has no content warnings.`);
  if (post.visibility && !limits.visibilities.includes(post.visibility)) {
    reject(`${network} cannot publish with visibility "${post.visibility}".`);
  }
}
