import type { Filters } from './schema.js';
import { asksAnswer, assigneeOf, type Facet } from './filters.js';

/** One item of the counts' window: the facet columns, read from the newest-first index alone. */
export interface WindowRow {
  /** What the item is known by in `removed` (SQLite reads its rowid, a number, rather than its text id). */
  id: string | number;
  account_id: string | null;
  status: string;
  network: string;
  kind: string;
  sentiment: string;
  toxicity_category: string | null;
  complaint: number;
  language: string;
  labels: string;
  assignee_id: string | null;
}

/** The facets tallied, in the order `tallyWindow` reads them. */
const TALLIED = ['status', 'accountId', 'network', 'kind', 'sentiment', 'toxicity', 'complaint', 'language', 'assigneeId', 'label'] as const;

/** What the counts' SQL gives: per facet, per value, how many rows of the window pass every other facet's filter. */
export interface TallyRow {
  facet: string;
  value: string | null;
  n: number;
}

const labelsOf = (text: string): string[] => {
  if (text === '[]' || !text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * The window's tallies counted in one pass, as the SQL of `countNow` counts them: used where the database runs in
 * this process (SQLite), where a dozen GROUP BYs over the same rows cost more than reading them once. `removed`
 * holds the ids of the window's items their authors removed on the network.
 */
export function tallyWindow(rows: readonly WindowRow[], f: Filters, active: readonly Facet[], userId: string, removed: ReadonlySet<string | number>): TallyRow[] {
  const assignee = assigneeOf(f, userId);
  // A window holds few distinct lists of labels: each is read once.
  const lists = new Map<string, string[]>();
  const labelsOfRow = (text: string): string[] => {
    let list = lists.get(text);
    if (list === undefined) lists.set(text, (list = [...new Set(labelsOf(text))]));
    return list;
  };
  const passes = (facet: Exclude<Facet, 'label'>, r: WindowRow, gone: boolean): boolean => {
    switch (facet) {
      case 'accountId': return r.account_id === f.accountId;
      case 'status': return r.status === f.status && !(asksAnswer(f.status!) && gone);
      case 'network': return r.network === f.network;
      case 'kind': return r.kind === f.kind;
      case 'sentiment': return r.sentiment === f.sentiment;
      case 'toxicity': return f.toxicity === 'any' ? r.toxicity_category !== null : r.toxicity_category === f.toxicity;
      case 'complaint': return Boolean(r.complaint) === (f.complaint === '1');
      case 'language': return r.language === f.language;
      case 'assigneeId': return assignee === null ? r.assignee_id === null : r.assignee_id === assignee;
    }
  };
  const tallies = new Map<string, Map<string | null, number>>(TALLIED.map((facet) => [facet, new Map()]));
  const add = (byValue: Map<string | null, number>, value: string | null) => byValue.set(value, (byValue.get(value) ?? 0) + 1);
  const [status, accountId, network, kind, sentiment, toxicity, complaint, language, assigneeId, label] = TALLIED.map((facet) => tallies.get(facet)!);
  let total = 0;
  for (const r of rows) {
    const gone = removed.size > 0 && removed.has(r.id);
    let labels: string[] | null = null;
    // A row counts for a facet when every other facet's filter takes it: with no failing filter, for all of them;
    // with one, for that one only; with more, for none.
    let failing: Facet | null = null;
    let failures = 0;
    for (const facet of active) {
      if (facet === 'label' ? (labels ??= labelsOfRow(r.labels)).includes(f.label!) : passes(facet, r, gone)) continue;
      failing = facet;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    const all = failures === 0;
    if (all) total++;
    if (all || failing === 'status') add(status!, gone && r.status !== 'done' ? 'removed' : r.status);
    if (all || failing === 'accountId') add(accountId!, r.account_id);
    if (all || failing === 'network') add(network!, r.network);
    if (all || failing === 'kind') add(kind!, r.kind);
    if (all || failing === 'sentiment') add(sentiment!, r.sentiment);
    if (all || failing === 'toxicity') add(toxicity!, r.toxicity_category);
    if (all || failing === 'complaint') add(complaint!, r.complaint ? '1' : '0');
    if (all || failing === 'language') add(language!, r.language);
    if (all || failing === 'assigneeId') add(assigneeId!, r.assignee_id);
    if ((all || failing === 'label') && r.labels !== '[]') for (const l of labels ?? labelsOfRow(r.labels)) add(label!, l);
  }
  const out: TallyRow[] = [{ facet: 'total', value: '', n: total }, { facet: 'window', value: '', n: rows.length }];
  for (const [facet, byValue] of tallies) for (const [value, n] of byValue) out.push({ facet, value, n });
  return out;
}
