import { describe, expect, it } from 'vitest';
import { splitGluedNames } from '../lexicon/identity.js';
import { foldText, normalize, skeleton } from './normalize.js';
import { tokenize } from './tokenize.js';

describe('normalize', () => {
  it('folds case and accents', () => expect(foldText('ÉCOLOGIE Été')).toBe('ecologie ete'));
  it('removes zero-width characters and maps look-alike letters', () => {
    expect(foldText('id\u200Biot')).toBe('idiot');
    expect(foldText('іdіоt')).toBe('idiot'); // Cyrillic і and о
    expect(foldText('𝐢𝐝𝐢𝐨𝐭')).toBe('idiot'); // mathematical bold
  });
  it('undoes leetspeak inside words but leaves numbers alone', () => {
    expect(normalize('n1gg3r sh!t 2024')).toBe('nigger shit 2024');
  });
  it('joins spaced and dotted letters', () => {
    expect(normalize('i d i o t')).toBe('idiot');
    expect(normalize('c.o.n.n.a.r.d')).toBe('connard');
    expect(normalize('il y a du monde')).toBe('il y a du monde');
  });
  it('joins the short abusive forms that are dotted or dashed, and keeps other short abbreviations', () => {
    expect(normalize('casse-toi, p.d.')).toBe('casse-toi, pd.');
    expect(normalize('sale p-d')).toBe('sale pd');
    expect(normalize('f.d.p')).toBe('fdp');
    expect(normalize('le p.d.g. arrive, e.g. demain, a-t-il dit')).toBe('le p.d.g. arrive, e.g. demain, a-t-il dit');
  });
  it('shrinks stretched letters, and skeletons collapse every repeat', () => {
    expect(normalize('nuuuuul')).toBe('nuul');
    expect(skeleton('connard')).toBe('conard');
  });
});

describe('tokenize', () => {
  it('keeps links, mentions and hashtags whole and spells out negations', () => {
    const kinds = tokenize("@bob don't click https://bit.ly/x #Écologie").map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual(['mention:@bob', 'word:do', 'word:not', 'word:click', 'url:https://bit.ly/x', 'hashtag:#ecologie']);
  });
  it("splits French elisions and turns n' into ne", () => {
    expect(tokenize("je n'aime pas").map((t) => t.text)).toEqual(['je', 'ne', 'aime', 'pas']);
  });
});

describe('splitGluedNames', () => {
  it('splits a pronoun from the spaced word it was joined to, and leaves words that only start like one', () => {
    const words = (text: string) => splitGluedNames(tokenize(text)).map((t) => t.text);
    expect(words('I h a t e them')).toEqual(['i', 'hate', 'them']);
    expect(words("J h a i s ces gens")).toEqual(['j', 'hais', 'ces', 'gens']);
    expect(words('i d i o t')).toEqual(['idiot']);
    expect(words('an ideal item')).toEqual(['an', 'ideal', 'item']);
  });
});
