import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import type { BankLayout } from './bank.js';

/**
 * A model bank's memory kept in a file, so that a start reads 3 MB instead of decoding every weight file and
 * interleaving the weights (a third of the analysis command's start). The file names what it was made from: a hash
 * of the weight files' bytes, of this layout's version and of the machine's byte order; a bank whose file was made
 * from anything else is made again and the file rewritten.
 *
 * Layout: "RCB1", the key (64 hex digits), the stride and the number of weight bytes (32-bit little-endian), then
 * `stride` scales (64-bit floats) and the weights.
 */
const MAGIC = 'RCB1';
// Raise when what a bank holds for the same models changes (bias, padding, order of rows, rounding).
const LAYOUT_VERSION = 1;
const HEADER = 80;

/** The key of a bank made from these weight files, in this order. */
export function bankKey(files: { name: string; bytes: Uint8Array }[]): string {
  // The scales are written as this machine stores floats.
  const hash = createHash('sha256').update(`bank layout ${LAYOUT_VERSION} ${endianness()}\0`);
  for (const f of files) hash.update(`${f.name}\0${f.bytes.length}\0`).update(f.bytes);
  return hash.digest('hex');
}

/** The bank written in `file` under this key, or undefined when there is none (or another, or a damaged one). */
export function readBankFile(file: string, key: string): BankLayout | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEADER);
    if (!readFully(fd, head, 0) || head.toString('latin1', 0, 4) !== MAGIC || head.toString('latin1', 4, 68) !== key) return undefined;
    const stride = head.readUInt32LE(68);
    const size = head.readUInt32LE(72);
    if (fstatSync(fd).size !== HEADER + stride * 8 + size) return undefined;
    const scales = new Float64Array(stride);
    // The weights get a buffer of their own: the bank reads them as 32-bit words.
    const weights = new Uint8Array(size);
    if (!readFully(fd, new Uint8Array(scales.buffer), HEADER) || !readFully(fd, weights, HEADER + stride * 8)) return undefined;
    return { weights, scales };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes a bank under its key, whole and then renamed; a folder that cannot be written is left as it is. */
export function writeBankFile(file: string, key: string, layout: BankLayout): void {
  const part = `${file}.${process.pid}`;
  try {
    const head = Buffer.alloc(HEADER);
    head.write(MAGIC, 0, 'latin1');
    head.write(key, 4, 'latin1');
    head.writeUInt32LE(layout.scales.length, 68);
    head.writeUInt32LE(layout.weights.length, 72);
    const fd = openSync(part, 'w');
    try {
      for (const bytes of [head, new Uint8Array(layout.scales.buffer, layout.scales.byteOffset, layout.scales.byteLength), layout.weights]) {
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(part, file);
  } catch {
    try {
      unlinkSync(part);
    } catch {
      // Nothing was written.
    }
  }
}

function readFully(fd: number, into: Uint8Array, position: number): boolean {
  for (let at = 0; at < into.length; ) {
    const n = readSync(fd, into, at, into.length - at, position + at);
    if (n === 0) return false;
    at += n;
  }
  return true;
}
