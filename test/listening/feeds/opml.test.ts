import { describe, expect, it } from 'vitest';
import { OPML_MAX_FEEDS, OpmlError, parseOpml } from '../../../src/modules/listening/feeds/opml.js';
import { fixture } from './feed-server.js';

function refusal(text: string) {
  try {
    parseOpml(text);
  } catch (err) {
    expect(err).toBeInstanceOf(OpmlError);
    return (err as OpmlError).reason;
  }
  return expect.fail('the file was read');
}

describe('parseOpml', () => {
  it('flattens folders, each feed keeping its folder as category, and says what it skipped', () => {
    const { feeds, skipped } = parseOpml(fixture('nested.opml').toString('utf8'));
    expect(feeds).toEqual([
      { title: 'Unfiled', xmlUrl: 'https://unfiled.example/feed.xml', htmlUrl: null, category: null },
      { title: 'Widget Watch', xmlUrl: 'https://widgets.example/feed.atom', htmlUrl: 'https://widgets.example/', category: 'Competitors' },
      { title: 'Bike & Co', xmlUrl: 'https://bikes.example/feed.json?format=json&lang=de', htmlUrl: null, category: 'Competitors' },
      { title: 'Daily News', xmlUrl: 'http://news.example/rss', htmlUrl: null, category: 'Press' },
      { title: 'forum.example', xmlUrl: 'https://forum.example/index.rdf', htmlUrl: null, category: 'Forums' },
    ]);
    expect(skipped).toEqual([
      { reason: 'duplicate', xmlUrl: 'https://forum.example/index.rdf' },
      { reason: 'not_a_web_address', xmlUrl: 'file:///etc/passwd' },
      { reason: 'not_a_web_address', xmlUrl: '/feed.xml' },
      { reason: 'not_a_web_address', xmlUrl: 'https://user:secret@forum.example/private.rss' },
    ]);
  });

  it('refuses a document that declares entities, without expanding them', () => {
    expect(refusal(fixture('entity-bomb.opml').toString('utf8'))).toBe('declares_entities');
  });

  it('refuses what is not OPML', () => {
    expect(refusal(fixture('rss2.xml').toString('utf8'))).toBe('not_opml');
    expect(refusal(fixture('page.html').toString('utf8'))).toBe('not_opml');
    expect(refusal('{"feeds": []}')).toBe('not_opml');
    expect(refusal('')).toBe('not_opml');
  });

  it('refuses a file over 2 MB and nesting deeper than the parser allows', () => {
    expect(refusal(`<opml><body>${'<outline text="x"/>'.repeat(120_000)}</body></opml>`)).toBe('too_large');
    const deep = '<outline text="f">'.repeat(5_000) + '<outline xmlUrl="https://x.example/"/>' + '</outline>'.repeat(5_000);
    expect(refusal(`<opml><body>${deep}</body></opml>`)).toBe('malformed');
  });

  it(`takes at most ${OPML_MAX_FEEDS} feeds`, () => {
    const outlines = Array.from({ length: OPML_MAX_FEEDS + 50 }, (_, i) => `<outline text="f${i}" xmlUrl="https://f${i}.example/rss"/>`);
    const { feeds, skipped } = parseOpml(`<opml version="2.0"><body>${outlines.join('')}</body></opml>`);
    expect(feeds).toHaveLength(OPML_MAX_FEEDS);
    expect(feeds.at(-1)?.xmlUrl).toBe(`https://f${OPML_MAX_FEEDS - 1}.example/rss`);
    expect(skipped).toEqual([{ reason: 'too_many_feeds' }]);
  });

  it('keeps titles plain and short', () => {
    const { feeds } = parseOpml(
      `<opml version="2.0"><body><outline text="&lt;b&gt;Bold&lt;/b&gt; ${'x'.repeat(1_000)}" xmlUrl="https://t.example/"/></body></opml>`,
    );
    expect(feeds[0].title.length).toBeLessThanOrEqual(200);
    expect(feeds[0].title.startsWith('<b>Bold</b> x')).toBe(true);
  });
});
