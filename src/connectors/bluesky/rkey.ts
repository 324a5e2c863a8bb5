import { createHash } from 'node:crypto';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * The record key of the post published under `idempotencyKey`: a valid TID derived from the key alone, so a
 * retry can only ever name the same record and the PDS cannot store a second one.
 * A TID is 64 bits: a zero bit, 53 bits of microseconds, 10 bits of clock id. The timestamp part is taken
 * below 2^50 µs (before 2005) so that no derived key ever looks like a TID from the future.
 */
export function rkeyFor(idempotencyKey: string, purpose = 'post'): string {
  const digest = createHash('sha256').update(`ruche:${purpose}:${idempotencyKey}`).digest();
  const bits = digest.readBigUInt64BE(0);
  const timestamp = (bits >> 14n) & ((1n << 50n) - 1n);
  const clockId = bits & 0x3ffn;
  let n = (timestamp << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

export const TID_RE = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
