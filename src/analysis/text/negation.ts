import type { Token } from './tokenize.js';
import { memoOf } from './word-memo.js';

const NEGATORS = new Set([
  'ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'ni', 'sans', 'nullement', 'guere',
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'hardly',
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'aint', 'cant', 'wont', 'cannot', 'shouldnt', 'wouldnt',
]);
const SCOPE_BREAKERS = new Set(['mais', 'but', 'however', 'pourtant', 'cependant', 'sinon', 'except']);
const SCOPE_LENGTH = 4;

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

/**
 * Marks the words that a negation governs ("je ne déteste pas", "not bad"): up to four words after a negator,
 * stopped by punctuation or "but"/"mais". A French "ne … pas" counts as one negation.
 */
export function negationScope(tokens: Token[]): Uint8Array {
  const scope = new Uint8Array(tokens.length);
  let left = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' || t.kind === 'url' || t.kind === 'emoji' || t.kind === 'emoticon') {
      left = 0;
      continue;
    }
    if (t.kind !== 'word') continue;
    const memo = memoOf(t);
    const kind = (memo.negation ??= SCOPE_BREAKERS.has(t.text) ? 2 : NEGATORS.has(t.text) ? 1 : 0);
    if (kind === 2) left = 0;
    else if (kind === 1) left = SCOPE_LENGTH;
    else if (left > 0) {
      scope[i] = 1;
      left--;
    }
  }
  return scope;
}
