/**
 * French typography and wording, over every string of fr.json: a non-breaking space before « : », « ; », « ? » and
 * « ! » and inside guillemets (a line must never start with the mark), the curly apostrophe, one word for settings,
 * « cette Ruche », the trade's own name for the role, and no inclusive writing (Ruche picks the words that need none, or the usual form, everywhere).
 */
import { describe, expect, it } from 'vitest';
import { fr } from './bundles.js';

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : strings(value, `${prefix}${key}.`)));

const french = strings(fr as Tree);
const NO_BREAK = '[\u00a0\u202f]';

/** The marks used as punctuation: not a time (14:30), an address (https://, ?q=) or a placeholder's end. */
function punctuation(text: string): Array<{ mark: string; before: string; at: number }> {
  return [...text.matchAll(/[:;?!]/g)]
    .filter((m) => {
      const next = text[m.index + 1] ?? '';
      return next === '' || /[\s»)]/.test(next);
    })
    .map((m) => ({ mark: m[0], before: text[m.index - 1] ?? '', at: m.index }));
}

describe('French typography', () => {
  it('puts a non-breaking space before every colon, semicolon, question and exclamation mark', () => {
    const wrong = french.flatMap(([key, text]) =>
      punctuation(text)
        .filter((p) => !new RegExp(NO_BREAK).test(p.before))
        .map((p) => `${key}: “${text.slice(Math.max(0, p.at - 12), p.at + 2)}”`),
    );
    expect(wrong).toEqual([]);
  });

  it('puts non-breaking spaces inside guillemets', () => {
    const wrong = french.filter(([, text]) => /«(?!\u00a0)|(?<!\u00a0)»/.test(text)).map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  it('finds the check wanting when a space is missing or breakable', () => {
    expect(punctuation('Campagne: Toutes').every((p) => new RegExp(NO_BREAK).test(p.before))).toBe(false);
    expect(punctuation('Campagne : Toutes').every((p) => new RegExp(NO_BREAK).test(p.before))).toBe(false);
    expect(punctuation('Erreur\u00a0: {{message}}').every((p) => new RegExp(NO_BREAK).test(p.before))).toBe(true);
    expect(punctuation('à 14:30, voir https://example.com/?q=1')).toEqual([]);
  });
});

describe('French wording', () => {
  it('calls settings « Paramètres » everywhere', () => {
    expect(french.filter(([, text]) => /réglage/i.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('names the role as the trade does', () => {
    expect((fr as Tree & { roles: Tree }).roles.community_manager).toBe('Community manager');
    expect(french.filter(([, text]) => /gestionnaire de communaut/i.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('writes the apostrophe curly (’), except in English quoted between guillemets', () => {
    const straight = french.filter(([, text]) => /'/.test(text.replace(/«[^»]*»/g, ''))).map(([key, text]) => `${key}: ${text}`);
    expect(straight).toEqual([]);
  });

  it('speaks of Ruche as a hive: « cette Ruche », never « ce Ruche »', () => {
    expect(french.filter(([, text]) => /\b(ce|du|au|le|un) Ruche\b/i.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('uses no inclusive forms (median dot, brackets or full stop inside a word)', () => {
    const inclusive = /\p{L}[·•⋅](?:e|rice|euse|ne|le|s)\b|\p{L}\((?:e|rice|euse)s?\)|\p{Ll}\.(?:e|rice|euse)s?\b/u;
    expect(french.filter(([, text]) => inclusive.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
