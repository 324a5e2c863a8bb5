import { describe, expect, it } from 'vitest';
import { runs } from './richtext.js';
import { countFor } from './counters.js';

describe('post text helpers', () => {
  it('splits links, hashtags and mentions from plain text, losing nothing', () => {
    const text = 'Hi @ana@mastodon.social, see https://example.com/a. #Spring <b>not html</b>';
    const parts = runs(text);
    expect(parts.map((r) => r.text).join('')).toBe(text);
    expect(parts.filter((r) => r.kind !== 'text').map((r) => [r.kind, r.text])).toEqual([
      ['mention', '@ana@mastodon.social'],
      ['link', 'https://example.com/a'],
      ['hashtag', '#Spring'],
    ]);
  });

  it('counts like the networks: graphemes on Bluesky, 23 per link on Mastodon', () => {
    expect(countFor('bluesky', '👩‍👩‍👧 hi')).toEqual({ used: 4, max: 300, over: false });
    const long = `${'a'.repeat(10)} https://example.com/${'x'.repeat(100)}`;
    expect(countFor('mastodon', long).used).toBe(10 + 1 + 23);
    expect(countFor('bluesky', 'x'.repeat(301)).over).toBe(true);
  });
});
