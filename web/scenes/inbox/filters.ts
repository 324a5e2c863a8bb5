import type { ItemKind, ItemQuery, ItemStatus, ToxicityCategory } from './api.js';

/** The inbox's filters as the page holds them (strings, '' for any), and the query they make. */
export interface InboxFilters {
  network: string;
  accountId: string;
  kind: string;
  status: string;
  sentiment: string;
  toxicity: string;
  complaint: boolean;
  language: string;
  label: string;
  assigneeId: string;
  /** Days, 'YYYY-MM-DD', in the reader's clock. */
  from: string;
  to: string;
  q: string;
}

export const NO_FILTERS: InboxFilters = {
  network: '', accountId: '', kind: '', status: 'open', sentiment: '', toxicity: '', complaint: false,
  language: '', label: '', assigneeId: '', from: '', to: '', q: '',
};

export const CLEARED: InboxFilters = { ...NO_FILTERS, status: '' };

export type Sort = 'newest' | 'risk';

function dayStart(day: string, plus = 0): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const at = new Date(y, m - 1, d + plus).getTime();
  return Number.isNaN(at) ? undefined : at;
}

export function toQuery(f: InboxFilters, sort: Sort): ItemQuery {
  return {
    sort,
    network: f.network || undefined,
    accountId: f.accountId || undefined,
    kind: (f.kind || undefined) as ItemKind | undefined,
    status: (f.status || undefined) as ItemStatus | undefined,
    sentiment: (f.sentiment || undefined) as ItemQuery['sentiment'],
    toxicity: (f.toxicity || undefined) as ToxicityCategory | 'any' | undefined,
    complaint: f.complaint || undefined,
    language: f.language || undefined,
    label: f.label || undefined,
    assigneeId: f.assigneeId || undefined,
    from: dayStart(f.from),
    // The whole last day is included.
    to: dayStart(f.to, 1),
    q: f.q.trim() || undefined,
  };
}

/** How many filters are on, not counting the status (it always has a value the reader chose). */
export function activeFilters(f: InboxFilters): number {
  return (Object.keys(CLEARED) as Array<keyof InboxFilters>).filter((key) => key !== 'status' && key !== 'q' && Boolean(f[key])).length;
}
