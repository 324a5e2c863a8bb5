import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import sharp from 'sharp';
import { fitImage, ImageTooLargeError, inspectImage, MAX_IMAGE_PIXELS } from './images.js';
import { pngDeclaring } from '../../../test/helpers/images.js';

/** A noisy image compresses badly: a realistic stand-in for a photo. */
async function photo(width: number, height: number): Promise<Uint8Array> {
  const raw = crypto.randomBytes(width * height * 3);
  return new Uint8Array(await sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer());
}

describe('images', () => {
  it('reads the real type and size from the bytes', async () => {
    const png = await photo(40, 30);
    expect(await inspectImage(png)).toEqual({ mime: 'image/png', ext: 'png', width: 40, height: 30 });
    expect(await inspectImage(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
  });

  it('shrinks an image over a network limit until it fits, and leaves a small one alone', async () => {
    const big = await photo(1600, 1200);
    expect(big.byteLength).toBeGreaterThan(1_000_000);
    const fitted = await fitImage(big, 'image/png', { maxBytes: 976_560, mimeTypes: ['image/jpeg', 'image/png'] });
    expect(fitted.bytes.byteLength).toBeLessThanOrEqual(976_560);
    expect(fitted.mime).toBe('image/jpeg');
    expect((await inspectImage(fitted.bytes))?.mime).toBe('image/jpeg');
    const small = await photo(20, 20);
    expect((await fitImage(small, 'image/png', { maxBytes: 976_560, mimeTypes: ['image/png'] })).bytes).toBe(small);
  });

  it('refuses from the header alone an image with more pixels than the limit, and says the limit', async () => {
    const huge = await pngDeclaring(16_000, 16_000);
    expect(huge.byteLength).toBeLessThan(1000);
    const err = await inspectImage(huge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageTooLargeError);
    expect(err).toMatchObject({ code: 'image_too_large', status: 422, details: { width: 16_000, height: 16_000, maxPixels: MAX_IMAGE_PIXELS } });
    expect((err as Error).message).toContain('the limit is 50 megapixels');
    await expect(inspectImage(await pngDeclaring(7072, 7071))).rejects.toBeInstanceOf(ImageTooLargeError);
    expect(await inspectImage(await pngDeclaring(7071, 7071))).toMatchObject({ width: 7071, height: 7071 });
  });

  it('never decodes an image over the limit when fitting it for a network', async () => {
    const huge = await pngDeclaring(16_000, 16_000);
    await expect(fitImage(huge, 'image/png', { maxBytes: 100, mimeTypes: ['image/jpeg'] })).rejects.toBeInstanceOf(ImageTooLargeError);
  });
});
