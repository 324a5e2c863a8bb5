/**
 * English typography, over every string of the English texts: the curly apostrophe (’), as the French texts have
 * it, so that a page never shows both kinds side by side.
 */
import { describe, expect, it } from 'vitest';
import { en } from './bundles.js';

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : strings(value, `${prefix}${key}.`)));

describe('English typography', () => {
  it('writes the apostrophe curly (’)', () => {
    const straight = strings(en as Tree).filter(([, text]) => text.includes("'")).map(([key, text]) => `${key}: ${text}`);
    expect(straight).toEqual([]);
  });
});
