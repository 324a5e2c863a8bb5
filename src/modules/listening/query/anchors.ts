import type { QueryNode } from './ast.js';
import { phrasePieces } from './evaluate.js';

/** Terms of which a post must contain at least one for the query to match it; what the topic index is keyed on. */
export interface Anchors {
  /** Reduced words, and joined spellings of phrase words. */
  words: Set<string>;
  /** The first three letters of wildcards. */
  prefixes: Set<string>;
  hashtags: Set<string>;
  /** Local parts of handles. */
  mentions: Set<string>;
}

export const PREFIX_KEY_LENGTH = 3;

// Words in nearly every post, in French and English: a topic keyed on them would be evaluated for every post.
const COMMON = new Set(
  'les des une est pas pour que qui dans avec sur par plus tout mais son ses aux the and for you that this with are was have not but'.split(' '),
);

/** A guess at how often a term occurs in posts, to key an AND on its rarest side. */
function wordCost(word: string): number {
  if (word.length <= 2 || COMMON.has(word)) return 8;
  return word.length === 3 ? 3 : 1;
}

function cost(a: Anchors): number {
  let total = a.prefixes.size * 6 + a.hashtags.size + a.mentions.size;
  for (const w of a.words) total += wordCost(w);
  return total;
}

const empty = (): Anchors => ({ words: new Set(), prefixes: new Set(), hashtags: new Set(), mentions: new Set() });

/**
 * The anchors of a query: OR takes all its children's, AND those of its cheapest child, a phrase or NEAR one of its
 * words; NOT and the filters have none. Null when the query could match a post that contains none of its terms.
 */
export function anchorsOf(node: QueryNode): Anchors | null {
  switch (node.type) {
    case 'word':
      return { ...empty(), words: new Set([node.stem]) };
    case 'prefix':
      return { ...empty(), prefixes: new Set([node.prefix.slice(0, PREFIX_KEY_LENGTH)]) };
    case 'hashtag':
      return { ...empty(), hashtags: new Set([node.tag]) };
    case 'mention':
      return { ...empty(), mentions: new Set([node.handle.replace(/(?<=.)@.*$/, '')]) };
    case 'phrase': {
      // The rarest word, or any joined spelling that includes it: whichever way the post spells the phrase, one of
      // these is among its words.
      let k = 0;
      for (let i = 1; i < node.stems.length; i++) if (wordCost(node.stems[i]!) < wordCost(node.stems[k]!)) k = i;
      const words = new Set<string>();
      phrasePieces(node).forEach((pieces, i) => {
        if (i <= k) for (const p of pieces) if (p.next > k) words.add(p.value);
      });
      return { ...empty(), words };
    }
    case 'field':
    case 'not':
      return null;
    case 'near':
      return cheapest([anchorsOf(node.left), anchorsOf(node.right)]);
    case 'and':
      return cheapest(node.children.map(anchorsOf));
    case 'or': {
      const all = empty();
      for (const child of node.children) {
        const a = anchorsOf(child);
        if (!a) return null;
        for (const key of ['words', 'prefixes', 'hashtags', 'mentions'] as const) for (const v of a[key]) all[key].add(v);
      }
      return all;
    }
  }
}

function cheapest(options: (Anchors | null)[]): Anchors | null {
  let best: Anchors | null = null;
  let bestCost = Infinity;
  for (const a of options) {
    if (!a) continue;
    const c = cost(a);
    if (c < bestCost) {
      best = a;
      bestCost = c;
    }
  }
  return best;
}
