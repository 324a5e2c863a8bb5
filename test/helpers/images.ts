import zlib from 'node:zlib';
import sharp from 'sharp';

/**
 * A PNG of a few dozen bytes whose header declares any size: what an attacker would send, and proof that
 * nothing is decoded, since its pixel data is that of a 1 × 1 image.
 */
export async function pngDeclaring(width: number, height: number): Promise<Uint8Array> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer());
  // IHDR: length (4) and type (4) at 8, width and height at 16 and 20, its CRC over type and data at 29.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return new Uint8Array(png);
}
