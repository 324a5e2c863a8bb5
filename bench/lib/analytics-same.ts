import { DateTime } from 'luxon';
import fs from 'node:fs';
import { dashboardFor, readerFor } from '../../src/modules/analytics/dashboard.js';
import { readMarkerPostgres, readMarkerSqlite } from './analytics-seed.js';
import { openStore } from '../../src/store/database.js';

// Dashboards over many windows and scopes on the kept benchmark data, written to a file: two runs' files compare
// the figures before and after a change to how they are computed.
const which = process.argv[2] ?? 'sqlite';
const out = process.argv[3]!;
const FILE = '/tmp/ruche-bench-analytics-sqlite/ruche.sqlite';
const URL = 'postgres://postgres@127.0.0.1:5432/ruche_bench_analytics';
const plan = (which === 'sqlite' ? readMarkerSqlite(FILE) : await readMarkerPostgres(URL))!;
const store = openStore(which === 'sqlite' ? { kind: 'sqlite', file: FILE } : { kind: 'postgres', url: URL });
const lines: string[] = [];
for (let i = 0; i < Number(process.argv[4] ?? 60); i++) {
  const ws = plan.workspaces[i % plan.workspaces.length]!;
  const zoneNow = DateTime.fromMillis(plan.now, { zone: ws.timezone });
  const end = i % 3 === 0 ? zoneNow.startOf('day').minus({ days: i * 11 }) : i % 3 === 1 ? zoneNow.startOf('month').minus({ months: i % 7 }) : zoneNow.minus({ hours: i * 37 });
  const days = [30, 365, 90, 7, 1, 45][i % 6]!;
  const c = ws.campaigns[i % ws.campaigns.length]!;
  const scope = [{}, { accountId: ws.accounts[i % 10] }, { network: i % 2 ? 'mastodon' : 'bluesky' }, { label: ['promo', 'event', 'tips'][i % 3] }, { campaignId: c.id }, { label: 'promo', network: 'mastodon' }][Math.floor(i / 3) % 6];
  const r = await readerFor(store, ws.id, plan.now);
  const d = await dashboardFor(r, { workspaceId: ws.id, ...scope }, { start: end.minus({ days }).toMillis(), end: end.toMillis() }, i % 2 ? 'year_before' : 'previous', { cache: false });
  lines.push(JSON.stringify(d));
}
fs.writeFileSync(out, lines.join('\n') + '\n');
await store.destroy();
console.log(`${lines.length} dashboards written to ${out}`);
