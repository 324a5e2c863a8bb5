import { describe, expect, it } from 'vitest';
import { findLinks, slugify, tagLink, tagLinks, utmTags, type UtmTags } from './utm.js';

const tags: UtmTags = { utm_source: 'bluesky', utm_medium: 'social', utm_campaign: 'spring-launch' };
const added = 'utm_source=bluesky&utm_medium=social&utm_campaign=spring-launch';

describe('UTM tags', () => {
  it('adds the tags to a link without a query', () => {
    expect(tagLink('https://shop.example/spring', tags)).toBe(`https://shop.example/spring?${added}`);
    expect(tagLink('https://shop.example', tags)).toBe(`https://shop.example?${added}`);
  });

  it('keeps the existing query, its order and its encoding', () => {
    expect(tagLink('https://shop.example/s?q=caf%C3%A9&page=2', tags)).toBe(`https://shop.example/s?q=caf%C3%A9&page=2&${added}`);
    expect(tagLink('https://shop.example/s?', tags)).toBe(`https://shop.example/s?${added}`);
    expect(tagLink('https://shop.example/s?a=1&', tags)).toBe(`https://shop.example/s?a=1&${added}`);
  });

  it('puts the tags before the fragment and keeps it', () => {
    expect(tagLink('https://shop.example/p#reviews', tags)).toBe(`https://shop.example/p?${added}#reviews`);
    expect(tagLink('https://shop.example/p?id=4#top', tags)).toBe(`https://shop.example/p?id=4&${added}#top`);
  });

  it('leaves a link that already carries any utm_ parameter untouched', () => {
    for (const url of ['https://shop.example/?utm_source=newsletter', 'https://shop.example/?a=1&UTM_Campaign=x#f', 'https://shop.example/?utm%5Fmedium=mail']) {
      expect(tagLink(url, tags)).toBe(url);
    }
  });

  it('encodes the values', () => {
    expect(tagLink('https://shop.example', { ...tags, utm_campaign: 'été & co' })).toContain('utm_campaign=%C3%A9t%C3%A9%20%26%20co');
  });

  it('tags every link of a text and nothing else, punctuation and brackets kept outside', () => {
    const text = 'Nouveau ! https://shop.example/a, (voir https://shop.example/b) et https://fr.wikipedia.org/wiki/Ruche_(apiculture). #miel @amie.bsky.social';
    expect(tagLinks(text, tags)).toBe(
      `Nouveau ! https://shop.example/a?${added}, (voir https://shop.example/b?${added}) et https://fr.wikipedia.org/wiki/Ruche_(apiculture)?${added}. #miel @amie.bsky.social`,
    );
    expect(findLinks(text).map((l) => l.url)).toEqual(['https://shop.example/a', 'https://shop.example/b', 'https://fr.wikipedia.org/wiki/Ruche_(apiculture)']);
  });

  it('changes nothing without tags or without links', () => {
    expect(tagLinks('https://shop.example/a', null)).toBe('https://shop.example/a');
    expect(tagLinks('Pas de lien, juste shop.example', tags)).toBe('Pas de lien, juste shop.example');
  });

  it('takes the network as source and the campaign’s slug by default', () => {
    const settings = { enabled: true, source: '', medium: '', campaign: '' };
    expect(utmTags(settings, 'Soldes d’été 2025 !', 'mastodon')).toEqual({ utm_source: 'mastodon', utm_medium: 'social', utm_campaign: 'soldes-d-ete-2025' });
    expect(utmTags({ enabled: true, source: 'ruche', medium: 'organic', campaign: 'q3' }, 'Q3', 'bluesky')).toEqual({ utm_source: 'ruche', utm_medium: 'organic', utm_campaign: 'q3' });
    expect(utmTags({ ...settings, enabled: false }, 'x', 'bluesky')).toBeNull();
    expect(slugify('Été — Ça Bouge')).toBe('ete-ca-bouge');
  });
});
