export interface RisingTerm {
  term: string;
  recent: number;
  baseline: number;
  /** z-score of the log-odds ratio: how many standard errors more frequent the term is recently. */
  score: number;
}

/**
 * How many mentions carry each term, from the mentions' stored terms (a JSON array of strings each); a mention whose
 * terms cannot be read is passed over.
 */
export function countTerms(rows: readonly { terms: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    let terms: unknown;
    try {
      terms = JSON.parse(r.terms);
    } catch {
      continue;
    }
    if (Array.isArray(terms)) for (const t of terms) if (typeof t === 'string') counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** A term seen once in the alert window is an anecdote, not something that rose. */
const MIN_RECENT = 2;
const MAX_LIMIT = 1000;

/**
 * The words, hashtags and links that rose in the alert window against the baseline period, ranked by the weighted
 * log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). The prior
 * follows each term's share of both periods pooled, with as much weight as the alert window has words: it quiets
 * terms seen once or twice, yet lets an hour's clear rise of a common word show. The ranking follows evidence, not
 * raw counts: a common word at its usual rate scores near zero, a word new to the conversation scores well as soon as
 * it is seen a few times, and a big rise of a common word ranks by how sure it is.
 * Only terms with a positive score, seen at least twice recently; best first. Nothing rises against an empty baseline.
 */
export function risingTerms(
  recent: Map<string, number>,
  baseline: Map<string, number>,
  limit = 20,
): RisingTerm[] {
  const nRecent = total(recent);
  const nBase = total(baseline);
  if (nRecent === 0 || nBase === 0) return [];
  const a0 = nRecent;
  const found: RisingTerm[] = [];
  for (const [term, raw] of recent) {
    const y1 = count(raw);
    if (y1 < MIN_RECENT) continue;
    const y2 = count(baseline.get(term));
    const a = (a0 * (y1 + y2)) / (nRecent + nBase);
    const rest1 = nRecent + a0 - y1 - a;
    const rest2 = nBase + a0 - y2 - a;
    // A term that is the whole vocabulary of a period has no odds to compare.
    if (rest1 <= 0 || rest2 <= 0) continue;
    const delta = Math.log((y1 + a) / rest1) - Math.log((y2 + a) / rest2);
    const score = delta / Math.sqrt(1 / (y1 + a) + 1 / (y2 + a));
    if (score > 0) found.push({ term, recent: y1, baseline: y2, score });
  }
  found.sort((x, y) => y.score - x.score || x.term.localeCompare(y.term));
  return found.slice(0, Math.min(Math.max(Math.floor(limit), 0), MAX_LIMIT));
}

function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function total(counts: Map<string, number>): number {
  let n = 0;
  for (const v of counts.values()) n += count(v);
  return n;
}
