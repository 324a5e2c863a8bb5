import { tokenContributions, type LinearModel } from './model/linear.js';
import type { FeatureVector } from './text/features.js';
import type { Predict } from './model/bank.js';
import { isStopwordToken } from './lexicon/stopwords.js';
import type { Token } from './text/tokenize.js';
import type { TermHit } from './lexicon/terms.js';
import type { Reason, ReasonCategory } from './types.js';

/** Which tokens name a group: never shown as the reason for a score, whichever model weighed them. */
export function groupNameTokens(count: number, groups: TermHit<string>[]): ((token: number) => boolean) | undefined {
  if (groups.length === 0) return undefined;
  const names = new Uint8Array(count);
  for (const g of groups) for (let i = g.start; i < g.end; i++) names[i] = 1;
  return (i) => names[i] === 1;
}

/** The words that pushed a model's score up the most, for a moderator to see why. */
export function topWords(
  model: LinearModel, fv: FeatureVector, tokens: Token[], category: ReasonCategory, k: number, row = 0, against?: number, predict?: Predict,
  skip?: (token: number) => boolean,
): Reason[] {
  const contrib = predict?.contributions
    ? predict.contributions(model, tokens.length, row, against)
    : tokenContributions(model, fv, tokens.length, row, against);
  const out: Reason[] = [];
  let candidates = 0;
  if (skip) for (let i = 0; i < contrib.length; i++) if (skip(i)) contrib[i] = 0;
  for (let i = 0; i < contrib.length; i++) if (contrib[i] > 0.05) candidates++;
  if (candidates > 24) return sorted(contrib, tokens, category, k, out);
  // The k best by repeated scans (tweets have few candidates): the order of the stable sort below (decreasing
  // contribution, ties in token order) without sorting.
  let seen: string[] | undefined;
  const taken = new Uint8Array(contrib.length);
  while (out.length < k) {
    let best = -1;
    let top = 0.05;
    for (let i = 0; i < contrib.length; i++) {
      if (taken[i] === 0 && contrib[i] > top) {
        top = contrib[i];
        best = i;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    const text = tokens[best].text;
    if ((seen !== undefined && seen.includes(text)) || (text.length < 3 && tokens[best].kind === 'word') || isStopwordToken(tokens[best])) continue;
    (seen ??= []).push(text);
    out.push({ category, rule: 'model', text, weight: Math.round(contrib[best] * 100) / 100 });
  }
  return out;
}

function sorted(contrib: Float64Array, tokens: Token[], category: ReasonCategory, k: number, out: Reason[]): Reason[] {
  const order: number[] = [];
  for (let i = 0; i < contrib.length; i++) if (contrib[i] > 0.05) order.push(i);
  order.sort((a, b) => contrib[b] - contrib[a]);
  const seen = new Set<string>();
  for (const i of order) {
    const text = tokens[i].text;
    if (seen.has(text) || (text.length < 3 && tokens[i].kind === 'word') || isStopwordToken(tokens[i])) continue;
    seen.add(text);
    out.push({ category, rule: 'model', text, weight: Math.round(contrib[i] * 100) / 100 });
    if (out.length === k) break;
  }
  return out;
}
