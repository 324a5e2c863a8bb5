import type { AppContext } from '../../context.js';
import { ConnectorError } from '../../connectors/errors.js';
import type { MediaInput, MediaLimits } from '../../connectors/types.js';
import { readMediaFile } from '../media/storage.js';
import { displayedSize, fitImage } from '../media/images.js';
import { publicMediaUrl } from '../media/public-url.js';

/**
 * The post's files for one network: images made to fit its size and type limits, videos sent as they are
 * (re-encoding is not ours to do) once checked against its video limits. Each carries a signed address the
 * network may fetch it from, for the networks that take media by URL.
 */
export async function loadMediaInputs(ctx: AppContext, postId: string, network: string, limits: MediaLimits): Promise<MediaInput[] | undefined> {
  const rows = await ctx.store.db
    .selectFrom('post_media')
    .innerJoin('media', 'media.id', 'post_media.media_id')
    .select(['media.id', 'media.storage_key', 'media.mime', 'media.alt', 'media.width', 'media.height', 'media.bytes', 'media.duration_sec'])
    .where('post_media.post_id', '=', postId)
    .orderBy('post_media.position')
    .execute();
  if (rows.length === 0) return undefined;
  return Promise.all(
    rows.slice(0, limits.maxCount).map(async (r): Promise<MediaInput> => {
      const bytes = await readMediaFile(ctx.config.dataDir, r.storage_key);
      const publicUrl = publicMediaUrl(ctx, r.id);
      const alt = limits.altText ? r.alt.slice(0, limits.maxAltLength) : undefined;
      if (r.mime.startsWith('video/')) {
        const durationSec = r.duration_sec == null ? undefined : Number(r.duration_sec);
        assertVideoFits(network, limits, r.mime, Number(r.bytes), durationSec);
        const size = r.width && r.height ? { width: r.width, height: r.height } : {};
        return { bytes, mimeType: r.mime, publicUrl, durationSec, alt, ...size };
      }
      const fitted = await fitImage(bytes, r.mime, limits);
      // Read from what is sent, since fitting may have turned it upright; the stored size if that fails.
      const size = (await displayedSize(fitted.bytes)) ?? (r.width && r.height ? { width: r.width, height: r.height } : undefined);
      // A resized image is not the stored file: the network would fetch the original, so no address is given for it.
      const same = fitted.bytes === bytes;
      return { bytes: fitted.bytes, mimeType: fitted.mime, alt, ...(same ? { publicUrl } : {}), ...size };
    }),
  );
}

/** A video the network does not take fails the post with the reason, before any upload. */
function assertVideoFits(network: string, limits: MediaLimits, mime: string, bytes: number, durationSec: number | undefined) {
  const v = limits.video;
  if (!v) throw new ConnectorError(network, 'rejected', 'This network takes no video in a post.');
  if (!v.mimeTypes.includes(mime)) throw new ConnectorError(network, 'rejected', `This network does not take ${mime} videos.`);
  if (bytes > v.maxBytes) throw new ConnectorError(network, 'rejected', `This video is over the network's ${Math.floor(v.maxBytes / 1_048_576)} MB limit.`);
  if (durationSec !== undefined && durationSec > v.maxDurationSec) {
    throw new ConnectorError(network, 'rejected', `This video lasts ${Math.round(durationSec)} s; the network takes up to ${v.maxDurationSec} s.`);
  }
}
