import mediaInfoFactory from 'mediainfo.js';

export const ACCEPTED_VIDEOS = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
const EXT: Record<(typeof ACCEPTED_VIDEOS)[number], string> = { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm' };

/** The largest video upload, in bytes: MEDIA_MAX_VIDEO_MB, 100 MB unless set (the whole file is held in memory while it is read). */
export const MAX_VIDEO_BYTES = (Number(process.env.MEDIA_MAX_VIDEO_MB) > 0 ? Number(process.env.MEDIA_MAX_VIDEO_MB) : 100) * 1_048_576;

export interface VideoInfo {
  mime: (typeof ACCEPTED_VIDEOS)[number];
  ext: string;
  width: number;
  height: number;
  durationSec: number;
}

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The container, from its first bytes: ISO base media (MP4; QuickTime when its brand says so) or Matroska/WebM. */
function sniff(bytes: Uint8Array): VideoInfo['mime'] | null {
  if (bytes.byteLength >= 12 && ascii(bytes, 4, 8) === 'ftyp') return ascii(bytes, 8, 12) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  if (bytes.byteLength >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'video/webm';
  return null;
}

/**
 * A video's type, length and size as shown, read from its container (MediaInfo, compiled to WebAssembly: no
 * program to install). Null when the bytes are not an MP4, MOV or WebM video with a picture and a length.
 */
export async function inspectVideo(bytes: Uint8Array): Promise<VideoInfo | null> {
  const mime = sniff(bytes);
  if (!mime) return null;
  const mi = await mediaInfoFactory({ format: 'object' });
  try {
    const result = await mi.analyzeData(bytes.byteLength, (size, offset) => bytes.subarray(offset, offset + size));
    const tracks = result.media?.track ?? [];
    const general = tracks.find((t) => t['@type'] === 'General');
    const video = tracks.find((t) => t['@type'] === 'Video');
    if (!video || video['@type'] !== 'Video' || !video.Width || !video.Height) return null;
    if (mime === 'video/webm' && general?.['@type'] === 'General' && general.Format !== 'WebM') return null;
    const duration = Number((general?.['@type'] === 'General' ? general.Duration : undefined) ?? video.Duration);
    if (!Number.isFinite(duration) || duration <= 0) return null;
    // A phone's portrait video is stored landscape with a rotation: networks show it turned.
    const turned = [90, 270].includes(Math.abs(Number(video.Rotation ?? 0)) % 360);
    const [width, height] = turned ? [video.Height, video.Width] : [video.Width, video.Height];
    return { mime, ext: EXT[mime], width, height, durationSec: Math.round(duration * 1000) / 1000 };
  } catch {
    return null;
  } finally {
    mi.close();
  }
}
