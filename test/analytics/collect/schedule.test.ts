import { describe, expect, it } from 'vitest';
import { collectStep, keepsSnapshot, nextCollectAt } from '../../../src/modules/analytics/collect/schedule.js';
import { collectionsDue, ROUTINE_MS } from '../../../src/modules/analytics/collect/due-job.js';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
const published = Date.parse('2026-03-01T10:00:00Z');

describe('when a post is read again', () => {
  it.each([
    ['just published', 0, 15 * MIN],
    ['5 h 59 old', 5 * H + 59 * MIN, 15 * MIN],
    ['6 h old', 6 * H, H],
    ['47 h old', 47 * H, H],
    ['48 h old', 48 * H, 6 * H],
    ['6 days old', 6 * D, 6 * H],
    ['7 days old', 7 * D, D],
    ['29 days old', 29 * D, D],
    ['30 days old', 30 * D, 7 * D],
    ['89 days old', 89 * D, 7 * D],
    ['90 days old', 90 * D, 30 * D],
    ['two years old', 730 * D, 30 * D],
  ])('%s: read after %#', (_name, age, every) => {
    expect(collectStep(age).every).toBe(every);
    expect(nextCollectAt(published, published + age)).toBe(published + age + every);
  });

  it('never sooner than the interval after the last read, and a post dated ahead of its read counts as new', () => {
    const read = published + 3 * H + 7 * MIN;
    expect(nextCollectAt(published, read)).toBe(read + 15 * MIN);
    expect(nextCollectAt(published + 2 * H, published)).toBe(published + 15 * MIN);
  });
});

describe('which readings become snapshots', () => {
  it('a change always; the first reading always; an unchanged one only past the step’s ceiling', () => {
    expect(keepsSnapshot({ changed: true, publishedAt: published, takenAt: published + 30 * MIN, lastSnapshotAt: published + 15 * MIN })).toBe(true);
    expect(keepsSnapshot({ changed: false, publishedAt: published, takenAt: published + 30 * MIN, lastSnapshotAt: null })).toBe(true);
    // Under 6 h old, an unchanged post keeps one snapshot an hour.
    expect(keepsSnapshot({ changed: false, publishedAt: published, takenAt: published + 59 * MIN, lastSnapshotAt: published })).toBe(false);
    expect(keepsSnapshot({ changed: false, publishedAt: published, takenAt: published + 60 * MIN, lastSnapshotAt: published })).toBe(true);
    // At 10 days old, one a week.
    expect(keepsSnapshot({ changed: false, publishedAt: published, takenAt: published + 10 * D, lastSnapshotAt: published + 4 * D })).toBe(false);
    expect(keepsSnapshot({ changed: false, publishedAt: published, takenAt: published + 11 * D, lastSnapshotAt: published + 4 * D })).toBe(true);
  });
});

describe('which collections are queued', () => {
  const accounts = [{ id: 'acc-a' }, { id: 'acc-b' }];
  const keys = (now: number, due: { account_id: string; due: number }[] = []) => collectionsDue(now, accounts, due).map((j) => j.idempotencyKey);

  it('each account once per routine period, under the same key however often the pass runs', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    const first = keys(now);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    // Over one period every account's key changes exactly once, at its own offset.
    const changes = accounts.map((_, i) => {
      let n = 0;
      for (let t = now; t < now + ROUTINE_MS; t += MIN) if (keys(t)[i] !== keys(t + MIN)[i]) n++;
      return n;
    });
    expect(changes).toEqual([1, 1]);
  });

  it('an account with due posts, keyed by its earliest due time; accounts no longer connected are left out', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    const due = [{ account_id: 'acc-b', due: now - 5 * MIN }, { account_id: 'acc-gone', due: now - H }];
    const jobs = collectionsDue(now, accounts, due);
    expect(jobs.map((j) => j.idempotencyKey)).toContain(`analytics-collect:acc-b:due:${now - 5 * MIN}`);
    expect(jobs.some((j) => JSON.stringify(j.payload).includes('acc-gone'))).toBe(false);
    expect(collectionsDue(now + MIN, accounts, due).map((j) => j.idempotencyKey)).toContain(`analytics-collect:acc-b:due:${now - 5 * MIN}`);
  });
});
