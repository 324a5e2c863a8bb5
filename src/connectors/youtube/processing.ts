/**
 * Where YouTube stands with an upload, from videos#status (uploadStatus, failureReason, rejectionReason) and
 * videos#processingDetails (processingStatus, processingFailureReason), developers.google.com/youtube/v3/docs/videos.
 * The API gives only codes; the sentences say what its documentation and YouTube Studio say of each.
 */
import type { NetworkProcessing } from '../types.js';
import type { YtVideo } from './videos.js';

const REJECTED: Record<string, string> = {
  claim: 'a rights holder claimed its content',
  copyright: 'it infringes copyright',
  duplicate: 'it duplicates a video already on YouTube',
  inappropriate: 'it breaks YouTube’s rules on inappropriate content',
  legal: 'of a legal complaint',
  length: 'it is longer than the channel may upload',
  termsOfUse: 'it breaks YouTube’s Terms of Service',
  trademark: 'it infringes a trademark',
  uploaderAccountClosed: 'the channel that uploaded it is closed',
  uploaderAccountSuspended: 'the channel that uploaded it is suspended',
};

const FAILED: Record<string, string> = {
  codec: 'its video or audio codec is not supported',
  conversion: 'it could not be converted',
  emptyFile: 'the file is empty',
  invalidFile: 'the file is not a video YouTube can read',
  tooSmall: 'the file is too small',
  uploadAborted: 'the upload was interrupted',
  // processingDetails.processingFailureReason
  uploadFailed: 'the upload failed',
  transcodeFailed: 'it could not be transcoded',
  streamingFailed: 'it could not be prepared for streaming',
  other: 'of an error YouTube does not name',
};

/** A code YouTube does not document (yet) is given as it came. */
const explained = (reason: string | null, words: Record<string, string>) =>
  !reason ? ': it gave no reason.' : Object.hasOwn(words, reason) ? ` (${reason}): ${words[reason]}.` : ` (${reason}).`;

export function processingOf(v: YtVideo): NetworkProcessing {
  const s = v.status ?? {};
  const p = v.processingDetails ?? {};
  if (s.uploadStatus === 'rejected') {
    const reason = s.rejectionReason ?? null;
    return { state: 'rejected', reason, message: `YouTube rejected the video${explained(reason, REJECTED)}` };
  }
  // Processing's own reason is the more precise one when both say the upload failed.
  const processingFailed = p.processingStatus === 'failed' || p.processingStatus === 'terminated';
  const failure = processingFailed ? p.processingFailureReason ?? s.failureReason ?? null : s.uploadStatus === 'failed' ? s.failureReason ?? null : undefined;
  if (failure !== undefined) {
    return { state: 'failed', reason: failure, message: `YouTube could not process the video${explained(failure, FAILED)}` };
  }
  if (s.uploadStatus === 'processed' || p.processingStatus === 'succeeded') return { state: 'succeeded', reason: null, message: null };
  return { state: 'processing', reason: null, message: null };
}
