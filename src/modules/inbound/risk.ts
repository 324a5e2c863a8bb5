import type { Analysis, Lang, ToxicityCategory } from '../../analysis/index.js';

/**
 * 0..1, for "riskiest first". Harm is toxicity, complaint and negative feeling taken together (each can only add);
 * reach scales it, so the same insult from an account with a large audience ranks above one from an unknown.
 */
export function riskOf(analysis: Analysis, followers: number | null): number {
  const toxicity = analysis.toxicity.score;
  const complaint = analysis.complaint.score;
  const negative = analysis.sentiment.probabilities.negative;
  const harm = 1 - (1 - toxicity) * (1 - 0.6 * complaint) * (1 - 0.3 * negative);
  // 0 for nobody, 1 from a million followers on.
  const reach = Math.min(1, Math.log10(1 + Math.max(0, followers ?? 0)) / 6);
  return round(Math.min(1, harm * (0.8 + 0.2 * reach)));
}

export const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** The highest toxicity category when the text is flagged, else null. */
export function toxicityCategoryOf(analysis: Analysis): ToxicityCategory | null {
  if (!analysis.toxicity.flagged) return null;
  let best: ToxicityCategory | null = null;
  for (const [category, score] of Object.entries(analysis.toxicity.categories) as Array<[ToxicityCategory, number]>) {
    if (best === null || score > analysis.toxicity.categories[best]) best = category;
  }
  return best;
}

/** The analyzer's hint from the languages the network tagged the item with. */
export function langHint(languages: readonly string[]): Lang | undefined {
  for (const tag of languages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return undefined;
}
