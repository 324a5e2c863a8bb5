import crypto from 'node:crypto';

// Ids are made in runs at one time (a batch's rows): the time's part is written once per run.
let lastTime = NaN;
let lastPrefix = '';

/**
 * A UUID (version 7) that sorts by the time it was made, its last 74 bits random. Items stored one after another
 * land side by side in the primary key's index, where random ids would each touch another index page: a page
 * of 100 items then writes a few pages of that index instead of up to 100 (on SQLite, each written to the log).
 * Made from a random (version 4) UUID, whose generator keeps a pool of random bytes, with the time put in front.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const random = crypto.randomUUID();
  if (now !== lastTime) {
    const time = (Math.max(0, Math.floor(now)) % 2 ** 48).toString(16).padStart(12, '0');
    lastTime = now;
    lastPrefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
  }
  return lastPrefix + random.slice(15);
}
