/**
 * A tiny valid MP4 (ISO/IEC 14496-12 boxes): `ftyp` (isom), `moov` with its `mvhd` (one second at 1000 units a
 * second) and an empty `mdat`. No tracks: enough for an upload to be read as an MP4 of known duration.
 */
import type { MediaInput } from '../../src/connectors/types.js';

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function mvhd(durationMs: number): Buffer {
  const b = Buffer.alloc(100);
  // version 0, flags 0, creation and modification times 0
  b.writeUInt32BE(1000, 12); // timescale
  b.writeUInt32BE(durationMs, 16); // duration
  b.writeUInt32BE(0x00010000, 20); // rate 1.0
  b.writeUInt16BE(0x0100, 24); // volume 1.0
  // unity matrix
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((v, i) => b.writeUInt32BE(v, 36 + i * 4));
  b.writeUInt32BE(1, 96); // next track id
  return b;
}

export function tinyMp4(durationMs = 1000): MediaInput {
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41', 'latin1'));
  const bytes = Buffer.concat([ftyp, box('moov', box('mvhd', mvhd(durationMs))), box('mdat')]);
  return { mimeType: 'video/mp4', bytes: new Uint8Array(bytes), durationSec: durationMs / 1000 };
}

/** Whether bytes start like an MP4 (a `ftyp` box), as a video host checks before processing. */
export const looksLikeMp4 = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp';
