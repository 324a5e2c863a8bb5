/**
 * Media for a post (docs.x.com/x-api/media/quickstart/media-upload-chunked, v2 since 2025): an image in one
 * POST /2/media/upload; a video or GIF by initialize, append (4 MB segments), finalize, then the STATUS command
 * polled while `processing_info.state` is pending or in_progress. Alt text goes through POST /2/media/metadata.
 */
import { ConnectorError } from '../errors.js';
import type { MediaInput } from '../types.js';
import type { XApi } from './http.js';

const SEGMENT = 4 * 1024 * 1024;
const MAX_POLLS = 60;

interface Processing {
  state?: string;
  check_after_secs?: number;
  error?: { message?: string };
}
interface MediaAnswer {
  data?: { id?: string; processing_info?: Processing };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function uploadXMedia(api: XApi, media: MediaInput): Promise<string> {
  const video = media.mimeType.startsWith('video/') || media.mimeType === 'image/gif';
  const id = video ? await chunked(api, media) : await simple(api, media);
  if (media.alt) await api.call('/2/media/metadata', { method: 'POST', json: { id, metadata: { alt_text: { text: media.alt } } } });
  return id;
}

async function simple(api: XApi, media: MediaInput): Promise<string> {
  const form = new FormData();
  form.set('media', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), 'media');
  form.set('media_category', 'tweet_image');
  const res = await api.call<MediaAnswer>('/2/media/upload', { method: 'POST', form });
  return mediaId(res);
}

async function chunked(api: XApi, media: MediaInput): Promise<string> {
  const category = media.mimeType === 'image/gif' ? 'tweet_gif' : 'tweet_video';
  const init = await api.call<MediaAnswer>('/2/media/upload/initialize', {
    method: 'POST', json: { media_type: media.mimeType, total_bytes: media.bytes.byteLength, media_category: category },
  });
  const id = mediaId(init);
  for (let i = 0, at = 0; at < media.bytes.byteLength; i++, at += SEGMENT) {
    const form = new FormData();
    form.set('media', new Blob([new Uint8Array(media.bytes.subarray(at, at + SEGMENT))]), 'chunk');
    form.set('segment_index', String(i));
    await api.call(`/2/media/upload/${encodeURIComponent(id)}/append`, { method: 'POST', form });
  }
  let info = (await api.call<MediaAnswer>(`/2/media/upload/${encodeURIComponent(id)}/finalize`, { method: 'POST' })).data?.processing_info;
  for (let polls = 0; info && info.state !== 'succeeded'; polls++) {
    if (info.state === 'failed') {
      throw new ConnectorError('x', 'rejected', `X could not process the video: ${info.error?.message ?? 'no reason given'}.`, { networkCode: 'media_failed' });
    }
    if (polls >= MAX_POLLS) throw new ConnectorError('x', 'transient', 'X is still processing the video; the post will be tried again.', { networkCode: 'media_processing' });
    await sleep(Math.min(Math.max(info.check_after_secs ?? 1, 1), 30) * 1000);
    info = (await api.call<MediaAnswer>('/2/media/upload', { query: { command: 'STATUS', media_id: id } })).data?.processing_info;
  }
  return id;
}

function mediaId(res: MediaAnswer): string {
  const id = res.data?.id;
  if (!id) throw new ConnectorError('x', 'transient', 'X answered a media upload without an id.');
  return id;
}
