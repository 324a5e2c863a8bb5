import { describe, expect, it } from 'vitest';
import { toListeningPost } from './listening-post.js';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const seenAt = Date.parse('2025-03-01T12:00:00Z');
const post = (record: unknown, extra: Partial<Parameters<typeof toListeningPost>[0]> = {}) => toListeningPost({ did: DID, rkey: '3l3qo2vutsw2b', record, seenAt, ...extra });

describe('listening post from a record', () => {
  it('reads a mention after multi-byte text by its byte offsets', () => {
    const text = 'Café ☕ avec @zoé.example et @Bob.Example';
    const at = (s: string) => Buffer.byteLength(text.slice(0, text.indexOf(s)));
    const facet = (s: string) => ({ index: { byteStart: at(s), byteEnd: at(s) + Buffer.byteLength(s) }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: DID }] });
    // "zoé" is not a DNS name as written: it is passed over, the valid handle is lower-cased.
    expect(post({ text, createdAt: '2025-03-01T10:00:00Z', facets: [facet('@zoé.example'), facet('@Bob.Example')] })?.mentions).toEqual(['bob.example']);
  });

  it('takes a link card as a link and keeps only web addresses', () => {
    const p = post({
      text: 'Lien', createdAt: '2025-03-01T10:00:00Z',
      embed: { $type: 'app.bsky.embed.external', external: { uri: 'https://ruche.example/carte', title: 't' } },
      facets: [{ index: { byteStart: 0, byteEnd: 4 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'ftp://x' }] }],
    });
    expect(p?.links).toEqual(['https://ruche.example/carte']);
  });

  it('clamps dates from the future or unreadable to the time the post was seen, and keeps past ones', () => {
    expect(post({ text: 'a', createdAt: '2999-01-01T00:00:00Z' })?.createdAt).toBe(new Date(seenAt).toISOString());
    expect(post({ text: 'a', createdAt: 'hier' })?.createdAt).toBe(new Date(seenAt).toISOString());
    expect(post({ text: 'a', createdAt: '2024-01-01T00:00:00Z' })?.createdAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('cuts oversized text and tags, and refuses what is not a post', () => {
    const p = post({ text: 'x'.repeat(100_000), createdAt: '2025-03-01T10:00:00Z', tags: ['#' + 'T'.repeat(500), 42], langs: ['fr', 'en', 'de', 'es'] });
    expect(p?.text.length).toBe(5_000);
    expect(p?.hashtags).toEqual(['t'.repeat(64)]);
    expect(p?.languages).toEqual(['fr', 'en', 'de']);
    expect(post({ text: ['a'], createdAt: '2025-03-01T10:00:00Z' })).toBeNull();
    expect(post('a post')).toBeNull();
    expect(post({ text: 'a', createdAt: '2025-03-01T10:00:00Z' }, { did: 'alice' })).toBeNull();
    expect(post({ text: 'a', createdAt: '2025-03-01T10:00:00Z' }, { rkey: '../x' })).toBeNull();
  });
});
