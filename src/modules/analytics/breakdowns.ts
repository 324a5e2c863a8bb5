import type { Reader, ScopeAccount } from './scope.js';
import type { Breakdown, Period, Scope } from './types.js';
import { postGroups, type PostGroup } from './post-sums.js';
import { addSums, emptySums, type PostSums } from './rollups/post-days.js';

function breakdown(groups: Map<string, PostSums>, label: (key: string) => string): Breakdown[] {
  return [...groups.entries()]
    .map(([key, s]) => ({ key, label: label(key), posts: s.posts, engagement: s.engagement, engagementRateFollowers: s.rated > 0 ? s.rate_sum / s.rated : null }))
    .sort(breakdownOrder);
}

function sumBy(groups: readonly PostGroup[], key: (g: PostGroup) => string): Map<string, PostSums> {
  const out = new Map<string, PostSums>();
  for (const g of groups) {
    const k = key(g);
    if (k === '') continue;
    let s = out.get(k);
    if (!s) out.set(k, (s = emptySums()));
    addSums(s, g.sums);
  }
  return out;
}

/**
 * The period's posts per network, account, campaign and label: posts, engagement, mean engagement rate by followers.
 * `byAccount` is the posts' sums per account, network and campaign (postGroups 'account'), which the dashboard
 * also adds up into its totals, and `byLabel` the posts' sums per label (postGroups 'label'), when the caller read them. Accounts are labelled with their handle, campaigns with their id: the dashboard
 * names them (labelled, in dashboard.ts), as names change without a change of figures.
 */
export async function breakdowns(r: Reader, scope: Scope, period: Period, accounts: ScopeAccount[], byAccount?: PostGroup[], byLabel?: PostGroup[]) {
  const [perAccount, perLabel] = await Promise.all([
    byAccount ?? postGroups(r, scope, period, 'account'),
    byLabel ?? postGroups(r, scope, period, 'label'),
  ]);
  const handles = new Map(accounts.map((a) => [a.id, `@${a.handle}`]));
  return {
    byNetwork: breakdown(sumBy(perAccount, (g) => g.network), (k) => k),
    byAccount: breakdown(sumBy(perAccount, (g) => g.account_id), (k) => handles.get(k) ?? k),
    byCampaign: breakdown(sumBy(perAccount, (g) => g.campaign_id), (k) => k),
    byLabel: breakdown(sumBy(perLabel, (g) => g.label), (k) => k),
  };
}

/** Breakdown rows in the order a dashboard shows them: most engagement first, then by label. */
export const breakdownOrder = (a: Breakdown, b: Breakdown) => b.engagement - a.engagement || a.label.localeCompare(b.label);
