/**
 * videos.insert as a resumable upload (developers.google.com/youtube/v3/guides/using_resumable_upload_protocol):
 * POST the metadata, get the session URI in Location, PUT the bytes. When the PUT's answer is lost, the session is
 * asked where it stands (`Content-Range: bytes *\/total`): 200 or 201 with the video when it got everything, 308
 * with the Range received otherwise, the rest then sent. The video is never uploaded twice.
 */
import { ConnectorError } from '../errors.js';
import type { MediaInput } from '../types.js';
import { YtUnanswered, type YouTubeApi } from './http.js';
import type { YtVideo } from './videos.js';

const RESUMES = 3;

export async function insertVideo(api: YouTubeApi, resource: Record<string, unknown>, video: MediaInput): Promise<YtVideo> {
  const total = video.bytes.byteLength;
  let session: string;
  try {
    const res = await api.raw('/upload/youtube/v3/videos', {
      method: 'POST', query: { uploadType: 'resumable', part: 'snippet,status' }, json: resource,
      headers: { 'x-upload-content-length': String(total), 'x-upload-content-type': video.mimeType },
    });
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (!location) throw new ConnectorError('youtube', 'transient', 'YouTube opened no upload session.');
    session = new URL(location, api.creds.apiBase).toString();
  } catch (err) {
    // No bytes went out: no video can exist yet.
    if (err instanceof YtUnanswered) throw new ConnectorError('youtube', 'transient', err.message, { networkCode: 'no_answer', cause: err });
    throw err;
  }
  let from = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await api.raw(session, {
        method: 'PUT', absolute: true, body: video.bytes.subarray(from),
        headers: { 'content-type': video.mimeType, 'content-range': `bytes ${from}-${total - 1}/${total}` },
      });
      if (res.status === 200 || res.status === 201) return (await res.json()) as YtVideo;
      await res.body?.cancel();
    } catch (err) {
      if (!(err instanceof YtUnanswered)) throw err;
    }
    if (attempt >= RESUMES) break;
    const state = await askSession(api, session, total).catch(() => null);
    if (state === null) continue;
    if ('video' in state) return state.video;
    from = state.received;
  }
  throw new ConnectorError('youtube', 'unknown_outcome', 'YouTube did not confirm the upload: the video may or may not be on the channel. It is looked up before any new attempt.');
}

async function askSession(api: YouTubeApi, session: string, total: number): Promise<{ video: YtVideo } | { received: number }> {
  const res = await api.raw(session, { method: 'PUT', absolute: true, headers: { 'content-range': `bytes */${total}` } });
  if (res.status === 200 || res.status === 201) return { video: (await res.json()) as YtVideo };
  await res.body?.cancel();
  const range = /bytes=0-(\d+)/.exec(res.headers.get('range') ?? '');
  return { received: range ? Number(range[1]) + 1 : 0 };
}
