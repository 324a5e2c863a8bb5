import { sql, type RawBuilder } from 'kysely';
import { ENGAGEMENT_SQL, postsIn, type Reader, type ScopeAccount } from './scope.js';
import { int, num } from './figures.js';
import type { Breakdown, Period, Scope } from './types.js';

const MEASURES = sql`count(*) as posts, sum(${ENGAGEMENT_SQL}) as engagement,
  avg(case when p.followers_at_publish > 0 then ${ENGAGEMENT_SQL} * 100.0 / p.followers_at_publish end) as rate`;

type Row = { key: unknown; posts: unknown; engagement: unknown; rate: unknown };

async function grouped(r: Reader, scope: Scope, period: Period, key: RawBuilder<unknown>, from = sql`analytics_posts p`) {
  const { rows } = await sql<Row>`select ${key} as key, ${MEASURES} from ${from}
    where ${postsIn(r, scope, period.start, period.end)} and ${key} is not null group by ${key}`.execute(r.db);
  return rows;
}

function breakdown(rows: Row[], label: (key: string) => string): Breakdown[] {
  return rows
    .map((row) => ({ key: String(row.key), label: label(String(row.key)), posts: int(row.posts), engagement: int(row.engagement), engagementRateFollowers: num(row.rate) }))
    .sort((a, b) => b.engagement - a.engagement || a.label.localeCompare(b.label));
}

/** The period's posts per network, account, campaign and label: posts, engagement, mean engagement rate by followers. */
export async function breakdowns(r: Reader, scope: Scope, period: Period, accounts: ScopeAccount[]) {
  // A label is an element of the post's JSON array: one row per post and label.
  const labelSource = r.dialect === 'postgres'
    ? sql`analytics_posts p cross join jsonb_array_elements_text(p.labels::jsonb) as l(value)`
    : sql`analytics_posts p, json_each(p.labels) as l`;
  const [networks, byAccount, byCampaign, byLabel] = await Promise.all([
    grouped(r, scope, period, sql`p.network`),
    grouped(r, scope, period, sql`p.account_id`),
    grouped(r, scope, period, sql`p.campaign_id`),
    grouped(r, scope, period, sql`l.value`, labelSource),
  ]);
  const campaignIds = byCampaign.map((c) => String(c.key));
  const campaigns = campaignIds.length === 0 ? [] : await r.db.selectFrom('campaigns').select(['id', 'name'])
    .where('workspace_id', '=', scope.workspaceId).where('id', 'in', campaignIds).execute();
  const handles = new Map(accounts.map((a) => [a.id, `@${a.handle}`]));
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  return {
    byNetwork: breakdown(networks, (k) => k),
    byAccount: breakdown(byAccount, (k) => handles.get(k) ?? k),
    byCampaign: breakdown(byCampaign, (k) => names.get(k) ?? k),
    byLabel: breakdown(byLabel, (k) => k),
  };
}
