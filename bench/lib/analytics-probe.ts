import { DateTime } from 'luxon';
import { openStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { dashboardFor, readerFor } from '../../src/modules/analytics/dashboard.js';
import { accountsOf, narrowsPosts } from '../../src/modules/analytics/scope.js';
import { followerTotals, postTotals } from '../../src/modules/analytics/publishing.js';
import { accountSeries, postSeries } from '../../src/modules/analytics/series.js';
import { bestTimes } from '../../src/modules/analytics/best-times.js';
import { breakdowns } from '../../src/modules/analytics/breakdowns.js';
import { topAndFlop } from '../../src/modules/analytics/post-performance.js';
import { inboxTotals } from '../../src/modules/analytics/inbox-figures.js';
import { listeningTotals, sentimentByDay, shareOfVoice } from '../../src/modules/analytics/listening-figures.js';
import { comparisonPeriod } from '../../src/modules/analytics/time.js';
import { readMarkerPostgres, readMarkerSqlite } from './analytics-seed.js';

// Times each part of a dashboard alone, in-process, on the benchmark's kept data: finds the slow query.
// Each part prints wall ms / CPU ms of this process.
const which = process.argv[2] ?? 'sqlite';
const plan = which === 'sqlite' ? readMarkerSqlite('/tmp/ruche-bench-analytics-sqlite/ruche.sqlite') : await readMarkerPostgres('postgres://postgres@127.0.0.1:5432/ruche_bench_analytics');
const store = openStore(which === 'sqlite' ? { kind: 'sqlite', file: '/tmp/ruche-bench-analytics-sqlite/ruche.sqlite' } : { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/ruche_bench_analytics' });
await migrateToLatest(store);
const ws = plan!.workspaces[2]!;
const r = await readerFor(store, ws.id, plan!.now);
const end = DateTime.fromMillis(plan!.now, { zone: ws.timezone });
const periods = {
  month: { start: end.startOf('month').minus({ months: 1 }).toMillis(), end: end.startOf('month').toMillis() },
  year: { start: end.startOf('day').minus({ days: 365 }).toMillis(), end: end.startOf('day').toMillis() },
};
for (const [pname, period] of Object.entries(periods)) {
  for (const scope of [{ workspaceId: ws.id }, { workspaceId: ws.id, accountId: ws.accounts[3] }, { workspaceId: ws.id, campaignId: ws.campaigns[5]!.id }]) {
    const accounts = await accountsOf(r.db, scope);
    const before = comparisonPeriod(period, pname === 'year' ? 'year_before' : 'previous', r.zone);
    const parts: Record<string, () => Promise<unknown>> = {
      postTotals: () => postTotals(r, scope, period),
      followerTotals: () => followerTotals(r, accounts, period),
      series: () => (narrowsPosts(scope) ? postSeries(r, scope, period) : accountSeries(r, accounts, period, scope)),
      topAndFlop: () => topAndFlop(r, scope, period),
      bestTimes: () => bestTimes(r, scope, period.end),
      breakdowns: () => breakdowns(r, scope, period, accounts),
      inboxTotals: () => inboxTotals(r, scope, period),
      listeningTotals: () => listeningTotals(r, scope, period),
      shareOfVoice: () => shareOfVoice(r, scope.workspaceId, period),
      sentimentByDay: () => sentimentByDay(r, scope, period),
      dashboard: () => dashboardFor(r, scope, period, pname === 'year' ? 'year_before' : 'previous'),
    };
    void before;
    const out: string[] = [];
    for (const [name, f] of Object.entries(parts)) {
      await f();
      const t = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < 3; i++) await f();
      const used = process.cpuUsage(cpu);
      // Wall time, and this process's CPU time (all of it on SQLite; the part outside the database on PostgreSQL).
      out.push(`${name}=${((performance.now() - t) / 3).toFixed(1)}/${((used.user + used.system) / 3000).toFixed(1)}`);
    }
    console.log(`${which} ${pname} ${Object.keys(scope).join('+')}: ${out.join(' ')}`);
  }
}
await store.destroy();
