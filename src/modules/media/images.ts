import type sharp from 'sharp';
import { AppError } from '../../http/errors.js';

export const ACCEPTED_IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/**
 * Decoding costs memory and time in proportion to the pixels, not to the file: a 16,000 × 16,000 PNG of one
 * colour is under a megabyte and decodes to over 700 MB. 50 megapixels still takes a 48-megapixel phone photo.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

export interface ImageInfo {
  mime: (typeof ACCEPTED_IMAGES)[number];
  ext: string;
  width: number;
  height: number;
}

export class ImageTooLargeError extends AppError {
  constructor(width: number, height: number) {
    const mp = (n: number) => `${Math.round(n / 100_000) / 10} megapixels`;
    super(
      'image_too_large',
      422,
      `This image is ${width} × ${height} pixels (${mp(width * height)}); the limit is ${mp(MAX_IMAGE_PIXELS)}. Make it smaller and upload it again.`,
      { width, height, maxPixels: MAX_IMAGE_PIXELS },
    );
  }
}

/** sharp and its native library are loaded with the first image, not with the server. */
export const loadSharp = async (): Promise<typeof sharp> => (await import('sharp')).default;

/** Every decode goes through here, so none can exceed the limit even if a size check is missed. */
const decoder = async (bytes: Uint8Array) => (await loadSharp())(bytes, { limitInputPixels: MAX_IMAGE_PIXELS });

/**
 * Width and height from the file's header. Reading metadata decodes no pixels, so it runs without sharp's limit
 * (which would refuse without saying the size) and the caller compares with ours.
 */
const readHeader = async (bytes: Uint8Array) => (await loadSharp())(bytes, { limitInputPixels: false }).metadata();

function assertWithinLimit(width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) throw new ImageTooLargeError(width, height);
}

/**
 * Reads the real format from the bytes, not from the name or the declared type: null when it is not an image
 * we take. Throws ImageTooLargeError, before any decoding, when it has more pixels than we decode.
 */
export async function inspectImage(bytes: Uint8Array): Promise<ImageInfo | null> {
  let meta: sharp.Metadata;
  try {
    meta = await readHeader(bytes);
  } catch {
    return null;
  }
  const mime = meta.format === 'jpeg' ? 'image/jpeg' : meta.format ? `image/${meta.format}` : '';
  if (!(ACCEPTED_IMAGES as readonly string[]).includes(mime) || !meta.width || !meta.height) return null;
  assertWithinLimit(meta.width, meta.height);
  return { mime: mime as ImageInfo['mime'], ext: EXT[mime], width: meta.width, height: meta.height };
}

/**
 * Makes an image fit a network's limits: a type it takes and a size under its maximum. Re-encodes as JPEG
 * at lower quality, then smaller, until it fits; an image already within limits is left untouched.
 */
export async function fitImage(
  bytes: Uint8Array,
  mime: string,
  limits: { maxBytes: number; mimeTypes: readonly string[] },
): Promise<{ bytes: Uint8Array; mime: string }> {
  if (bytes.byteLength <= limits.maxBytes && limits.mimeTypes.includes(mime)) return { bytes, mime };
  const meta = await readHeader(bytes);
  // Stored before the limit existed, or put in the media folder by hand.
  assertWithinLimit(meta.width ?? 0, meta.height ?? 0);
  let width = Math.min(meta.width ?? 2048, 2048);
  for (let round = 0; round < 8; round++) {
    for (const quality of [85, 75, 65]) {
      const out = await (await decoder(bytes)).rotate().resize({ width, withoutEnlargement: true }).jpeg({ quality, mozjpeg: true }).toBuffer();
      if (out.byteLength <= limits.maxBytes) return { bytes: new Uint8Array(out), mime: 'image/jpeg' };
    }
    width = Math.round(width * 0.75);
  }
  throw new Error('the image cannot be made small enough for this network');
}

/**
 * Width and height as the image is shown, from its header: EXIF orientations 5 to 8 turn it a quarter, so
 * width and height swap. Undefined when the header cannot be read.
 */
export async function displayedSize(bytes: Uint8Array): Promise<{ width: number; height: number } | undefined> {
  try {
    const { width, height, orientation } = await readHeader(bytes);
    if (!width || !height) return undefined;
    return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return undefined;
  }
}
