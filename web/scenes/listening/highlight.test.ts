import { describe, expect, it } from 'vitest';
import { highlight, safeLink } from './highlight.js';

const hits = (text: string, terms: string[]) => highlight(text, terms).filter((s) => s.hit).map((s) => s.text);

describe('highlight', () => {
  it('marks terms whatever their case and accents, and keeps the original text', () => {
    expect(hits("J'adore L'ORÉAL et l’oreal", ['oréal'])).toEqual(['ORÉAL', 'oreal']);
    expect(hits("J'adore L'ORÉAL et l’oreal", ["l'oréal"])).toEqual(["L'ORÉAL", 'l’oreal']);
    expect(highlight('Vive Ruche !', ['ruche']).map((s) => s.text).join('')).toBe('Vive Ruche !');
  });

  it('keeps to word boundaries, allows plurals, prefixes and phrases', () => {
    expect(hits('Airbus, airbuses and bus', ['bus'])).toEqual(['bus']);
    expect(hits('Les produits et le produit', ['produits'])).toEqual(['produits', 'produit']);
    expect(hits('recrutement, recruter, recru', ['recrut*'])).toEqual(['recrutement', 'recruter']);
    expect(hits('La Coupe  du-Monde arrive', ['"coupe du monde"'])).toEqual(['Coupe  du-Monde']);
  });

  it('matches hashtags and handles with their sign only', () => {
    expect(hits('#Ruche et ruche et @ruche', ['#ruche'])).toEqual(['#Ruche']);
  });

  it('never builds a pattern from what the term says', () => {
    expect(hits('a (b) c.*', ['(b)', '.*'])).toEqual(['b']);
    expect(highlight('<img src=x onerror=alert(1)>', ['img']).map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)>');
  });

  it('gives the text in one piece when there are no terms', () => {
    expect(highlight('plain', [])).toEqual([{ text: 'plain', hit: false }]);
  });
});

describe('safeLink', () => {
  it('keeps http and https only', () => {
    expect(safeLink('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('data:text/html,x')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
