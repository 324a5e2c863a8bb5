import type { AppContext } from '../../context.js';
import type { Store } from '../../store/database.js';
import type { RoleName } from '../../shared/permissions.js';
import { mayReadInbox } from '../inbox/access.js';
import { accountsOf, narrowsPosts, type Reader } from './scope.js';
import { followerTotals, postTotals, publishingFigures } from './publishing.js';
import { accountSeries, postSeries } from './series.js';
import { bestTimes } from './best-times.js';
import { breakdowns } from './breakdowns.js';
import { topAndFlop } from './post-performance.js';
import { inboxFigures, inboxTotals } from './inbox-figures.js';
import { listeningFigures, listeningTotals, sentimentByDay, shareOfVoice } from './listening-figures.js';
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
 * Every figure of a dashboard. The independent queries run together; each reads a rollup (daily account rows,
 * per-minute topic counts) or the posts of the period through (workspace_id, published_at), never the snapshots.
 */
export async function dashboardFor(r: Reader, scope: Scope, period: Period, comparison: Comparison, options: DashboardOptions = {}): Promise<Dashboard> {
  const before = comparisonPeriod(period, comparison, r.zone);
  const accounts = await accountsOf(r.db, scope);
  const withInbox = options.inbox ?? true;
  const series = (p: Period) => (narrowsPosts(scope) ? postSeries(r, scope, p) : accountSeries(r, accounts, p));
  const [totals, totalsBefore, followers, followersBefore, days, daysBefore, flops, heat, parts, inbox, inboxBefore, heard, heardBefore, sov, mood] = await Promise.all([
    postTotals(r, scope, period), postTotals(r, scope, before),
    followerTotals(r, accounts, period), followerTotals(r, accounts, before),
    series(period), series(before),
    topAndFlop(r, scope, period), bestTimes(r, scope, period.end), breakdowns(r, scope, period, accounts),
    withInbox ? inboxTotals(r, scope, period) : null, withInbox ? inboxTotals(r, scope, before) : null,
    listeningTotals(r, scope, period), listeningTotals(r, scope, before),
    shareOfVoice(r, scope.workspaceId, period), sentimentByDay(r, scope, period),
  ]);
  return {
    scope, timezone: r.zone.name, period, comparison, comparisonPeriod: before,
    publishing: publishingFigures(totals, totalsBefore, followers, followersBefore),
    series: days, comparisonSeries: daysBefore,
    ...flops, bestTimes: heat, ...parts,
    inbox: inboxFigures(inbox, inboxBefore),
    listening: listeningFigures(heard, heardBefore, sov, mood),
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
