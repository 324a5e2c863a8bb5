/** Network content is cut to sane sizes, never rewritten. */
import { describe, expect, it } from 'vitest';
import { cap, capName, isoDate, langs, MAX_TEXT, webUrl } from './hostile.js';

describe('bluesky content from others', () => {
  it('keeps text as written up to the cap, and never splits an emoji at the cut', () => {
    expect(cap('<script>alert(1)</script> 🐝')).toBe('<script>alert(1)</script> 🐝');
    expect(cap('a'.repeat(MAX_TEXT * 4))).toHaveLength(MAX_TEXT);
    const cut = cap(`${'a'.repeat(MAX_TEXT - 1)}🐝`);
    expect(cut).toBe('a'.repeat(MAX_TEXT - 1));
    expect(capName('x'.repeat(10_000))!.length).toBeLessThanOrEqual(200);
    expect(capName('')).toBeNull();
  });

  it('keeps only web addresses, well-formed language tags and real dates', () => {
    expect(webUrl('https://cdn.example/avatar.jpg')).toBe('https://cdn.example/avatar.jpg');
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl(`https://x.example/${'a'.repeat(5_000)}`)).toBeNull();
    expect(langs(['fr', 'en-US', '<b>', 'pt-BR', 'de'])).toEqual(['fr', 'en-US', 'pt-BR']);
    expect(isoDate('2025-01-02T03:04:05Z')).toBe('2025-01-02T03:04:05.000Z');
    expect(isoDate('not a date')).toBeNull();
  });
});
