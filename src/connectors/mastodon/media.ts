import { ConnectorError } from '../errors.js';
import type { MediaInput } from '../types.js';
import type { MastodonHttp } from './http.js';
import { MediaAttachment } from './schemas.js';

/** A status cannot carry media still being processed; poll this often before giving up. */
const POLLS = 10;
const POLL_DELAY_MS = 500;

/** POST /api/v2/media; a 202 means processing goes on, so GET /api/v1/media/:id until it answers 200. */
export async function uploadMedia(http: MastodonHttp, media: MediaInput, sleep = defaultSleep): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), fileName(media.mimeType));
  if (media.alt) form.set('description', media.alt);
  const created = await http.call('/api/v2/media', MediaAttachment, { method: 'POST', form });
  if (created.status !== 202) return created.data.id;
  for (let i = 0; i < POLLS; i++) {
    const polled = await http.call(`/api/v1/media/${created.data.id}`, MediaAttachment);
    if (polled.status === 200) return polled.data.id;
    await sleep(POLL_DELAY_MS * (i + 1));
  }
  throw new ConnectorError('mastodon', 'transient', 'The Mastodon server is still processing the media; try again later.');
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const fileName = (mime: string) => `upload.${mime.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin'}`;
