import sharp from 'sharp';

export const ACCEPTED_IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

export interface ImageInfo {
  mime: (typeof ACCEPTED_IMAGES)[number];
  ext: string;
  width: number;
  height: number;
}

/** Reads the real format from the bytes, not from the name or the declared type. */
export async function inspectImage(bytes: Uint8Array): Promise<ImageInfo | null> {
  try {
    const meta = await sharp(bytes).metadata();
    const mime = meta.format === 'jpeg' ? 'image/jpeg' : meta.format ? `image/${meta.format}` : '';
    if (!(ACCEPTED_IMAGES as readonly string[]).includes(mime) || !meta.width || !meta.height) return null;
    return { mime: mime as ImageInfo['mime'], ext: EXT[mime], width: meta.width, height: meta.height };
  } catch {
    return null;
  }
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
  const meta = await sharp(bytes).metadata();
  let width = Math.min(meta.width ?? 2048, 2048);
  for (let round = 0; round < 8; round++) {
    for (const quality of [85, 75, 65]) {
      const out = await sharp(bytes).rotate().resize({ width, withoutEnlargement: true }).jpeg({ quality, mozjpeg: true }).toBuffer();
      if (out.byteLength <= limits.maxBytes) return { bytes: new Uint8Array(out), mime: 'image/jpeg' };
    }
    width = Math.round(width * 0.75);
  }
  throw new Error('the image cannot be made small enough for this network');
}
