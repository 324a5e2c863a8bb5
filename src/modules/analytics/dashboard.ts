import type { AppContext } from '../../context.js';
import type { Store } from '../../store/database.js';
import type { RoleName } from '../../shared/permissions.js';
import { mayReadInbox } from '../inbox/access.js';
import { accountsOf, narrowsPosts, type Reader } from './scope.js';
import { followerTotals, postTotals, publishingFigures, totalsOf } from './publishing.js';
import { postGroups, totalOf } from './post-sums.js';
import { accountSeries, postSeries } from './series.js';
import { bestTimes } from './best-times.js';
import { breakdowns } from './breakdowns.js';
import { topAndFlop } from './post-performance.js';
import { inboxFigures, inboxTotals } from './inbox-figures.js';
import { listeningDays, listeningFigures, listeningTotals, sentimentOfDays, shareOfVoice, sumOfDays } from './listening-figures.js';
import { comparisonPeriod, zoneOf } from './time.js';
import type { Comparison, Dashboard, Period, Scope } from './types.js';

/** The workspace's time zone and the clock, for the figure queries. */
export async function readerFor(store: Store, workspaceId: string, now: number): Promise<Reader> {
  const w = await store.db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirst();
  return { db: store.db, dialect: store.dialect, zone: zoneOf(w?.timezone ?? 'UTC'), now };
}

export interface DashboardOptions {
  /** False when the reader may not read the inbox: its figures are left blank. */
  inbox?: boolean;
}

/**
 * Every figure of a dashboard. The independent queries run together; each reads a daily rollup (posts by the day
 * they went out, the accounts' days, inbox items, mentions and topics by day), the posts of the period through an
 * index (top and flop posts, best times), or the raw rows of a part of a day at the period's ends, never the
 * snapshots. The period's posts are read once per account and campaign, for the totals and three breakdowns.
 */
export async function dashboardFor(r: Reader, scope: Scope, period: Period, comparison: Comparison, options: DashboardOptions = {}): Promise<Dashboard> {
  const before = comparisonPeriod(period, comparison, r.zone);
  const accounts = await accountsOf(r.db, scope);
  const withInbox = options.inbox ?? true;
  const series = (p: Period) => (narrowsPosts(scope) ? postSeries(r, scope, p) : accountSeries(r, accounts, p, scope));
  const groups = postGroups(r, scope, period, 'account');
  const [perAccount, totalsBefore, followers, followersBefore, days, daysBefore, flops, heat, parts, inbox, inboxBefore, heard, heardBefore, sov] = await Promise.all([
    groups, postTotals(r, scope, before),
    followerTotals(r, accounts, period), followerTotals(r, accounts, before),
    series(period), series(before),
    topAndFlop(r, scope, period), bestTimes(r, scope, period.end), groups.then((g) => breakdowns(r, scope, period, accounts, g)),
    withInbox ? inboxTotals(r, scope, period) : null, withInbox ? inboxTotals(r, scope, before) : null,
    listeningDays(r, scope, period), listeningTotals(r, scope, before),
    shareOfVoice(r, scope.workspaceId, period),
  ]);
  return {
    scope, timezone: r.zone.name, period, comparison, comparisonPeriod: before,
    publishing: publishingFigures(totalsOf(totalOf(perAccount)), totalsBefore, followers, followersBefore),
    series: days, comparisonSeries: daysBefore,
    ...flops, bestTimes: heat, ...parts,
    inbox: inboxFigures(inbox, inboxBefore),
    listening: listeningFigures(sumOfDays(heard), heardBefore, sov, sentimentOfDays(r, period, heard)),
  };
}

/** A dashboard as the member asking may see it: inbox figures only for those who may read the inbox. */
export async function computeDashboard(ctx: AppContext, scope: Scope, period: Period, comparison: Comparison, role: RoleName = 'owner'): Promise<Dashboard> {
  const [r, inbox] = await Promise.all([
    readerFor(ctx.store, scope.workspaceId, ctx.clock.now()),
    mayReadInbox(ctx.store.db, scope.workspaceId, role),
  ]);
  return dashboardFor(r, scope, period, comparison, { inbox });
}
