import type { Filters } from './schema.js';
import { asksAnswer, assigneeOf, type Facet } from './filters.js';

/** One item of the counts' window: the facet columns, read from the newest-first index alone. */
export interface WindowRow {
  id: string;
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
export function tallyWindow(rows: readonly WindowRow[], f: Filters, active: readonly Facet[], userId: string, removed: ReadonlySet<string>): TallyRow[] {
  const assignee = assigneeOf(f, userId);
  const passes = (facet: Facet, r: WindowRow, gone: boolean, labels: () => string[]): boolean => {
    switch (facet) {
      case 'accountId': return r.account_id === f.accountId;
      case 'status': return r.status === f.status && !(asksAnswer(f.status!) && gone);
      case 'network': return r.network === f.network;
      case 'kind': return r.kind === f.kind;
      case 'sentiment': return r.sentiment === f.sentiment;
      case 'toxicity': return f.toxicity === 'any' ? r.toxicity_category !== null : r.toxicity_category === f.toxicity;
      case 'complaint': return Number(r.complaint) === (f.complaint === '1' ? 1 : 0);
      case 'language': return r.language === f.language;
      case 'label': return labels().includes(f.label!);
      case 'assigneeId': return assignee === null ? r.assignee_id === null : r.assignee_id === assignee;
    }
  };
  const counts = new Map<string, Map<string | null, number>>();
  const add = (facet: string, value: string | null) => {
    let byValue = counts.get(facet);
    if (!byValue) counts.set(facet, (byValue = new Map()));
    byValue.set(value, (byValue.get(value) ?? 0) + 1);
  };
  for (const r of rows) {
    const gone = removed.has(r.id);
    let parsed: string[] | null = null;
    const labels = () => (parsed ??= labelsOf(r.labels));
    // A row counts for a facet when every other facet's filter takes it: with no failing filter, for all of them;
    // with one, for that one only; with more, for none.
    let failing: Facet | null = null;
    let failures = 0;
    for (const facet of active) {
      if (passes(facet, r, gone, labels)) continue;
      failing = facet;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    const counts = (facet: Facet) => failures === 0 || failing === facet;
    if (failures === 0) add('total', '');
    if (counts('status')) add('status', gone && r.status !== 'done' ? 'removed' : r.status);
    if (counts('accountId')) add('accountId', r.account_id);
    if (counts('network')) add('network', r.network);
    if (counts('kind')) add('kind', r.kind);
    if (counts('sentiment')) add('sentiment', r.sentiment);
    if (counts('toxicity')) add('toxicity', r.toxicity_category);
    if (counts('complaint')) add('complaint', String(Number(r.complaint)));
    if (counts('language')) add('language', r.language);
    if (counts('assigneeId')) add('assigneeId', r.assignee_id);
    if (counts('label')) for (const label of new Set(labels())) add('label', label);
  }
  const out: TallyRow[] = [{ facet: 'total', value: '', n: counts.get('total')?.get('') ?? 0 }, { facet: 'window', value: '', n: rows.length }];
  for (const [facet, byValue] of counts) if (facet !== 'total') for (const [value, n] of byValue) out.push({ facet, value, n });
  return out;
}
