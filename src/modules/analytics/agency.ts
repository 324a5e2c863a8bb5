import type { AppContext } from '../../context.js';
import { listWorkspacesOf } from '../workspaces/service.js';
import { can } from '../../shared/permissions.js';
import { mayReadInbox } from '../inbox/access.js';
import type { Reader } from './scope.js';
import { followerTotals, postTotals, type FollowerTotals, type PostTotals } from './publishing.js';
import { inboxTotals, type InboxTotals } from './inbox-figures.js';
import { percent } from './figures.js';
import { evaluateObjective } from './objectives/evaluate.js';
import { keepFigures, keptFigures } from './dashboard-cache.js';
import { zoneOf } from './time.js';
import type { AgencyRow, Period } from './types.js';

/** Past this many workspaces an agency view would be slow to read and to look at. */
const MAX_WORKSPACES = 100;

/**
 * One row per workspace the member reads, for the same period: each from the same rollups as its dashboard and
 * judged with the member's role in that workspace (inbox figures only where they may read the inbox). The
 * workspaces' versions, accounts and live objectives are read for all of them at once; each workspace's figures
 * are kept in memory while its analytics version holds, as its dashboards are.
 */
export async function agencyRows(ctx: AppContext, userId: string, period: Period): Promise<AgencyRow[]> {
  const memberships = (await listWorkspacesOf(ctx.store.db, userId)).filter((m) => can(m.role, 'analytics.read')).slice(0, MAX_WORKSPACES);
  if (memberships.length === 0) return [];
  const { db, dialect } = ctx.store;
  const now = ctx.clock.now();
  const ids = memberships.map((m) => m.workspace.id);
  const [versions, accounts, objectives] = await Promise.all([
    db.selectFrom('analytics_versions').select(['workspace_id', 'version']).where('workspace_id', 'in', ids).execute(),
    db.selectFrom('social_accounts').select(['id', 'network', 'handle', 'workspace_id']).where('workspace_id', 'in', ids).orderBy('handle').execute(),
    db.selectFrom('analytics_objectives').selectAll().where('workspace_id', 'in', ids).where('archived_at', 'is', null)
      .where('period_start', '<=', now).where('period_end', '>', now).execute(),
  ]);
  const versionOf = new Map(versions.map((v) => [v.workspace_id, Number(v.version)]));
  return Promise.all(memberships.map(async ({ workspace, role }) => {
    const scope = { workspaceId: workspace.id };
    const r: Reader = { db, dialect, zone: zoneOf(workspace.timezone), now, version: versionOf.get(workspace.id) ?? 0 };
    const own = accounts.filter((a) => a.workspace_id === workspace.id);
    const withInbox = await mayReadInbox(db, workspace.id, role);
    const key = `agency ${JSON.stringify([period, withInbox, r.zone.name, own.map((a) => a.id)])}`;
    let figures = keptFigures<AgencyFigures>(db, workspace.id, r.version!, key);
    if (!figures) {
      const [posts, followers, inbox] = await Promise.all([
        postTotals(r, scope, period), followerTotals(r, own, period), withInbox ? inboxTotals(r, scope, period, { wait: false }) : null,
      ]);
      figures = { posts, followers, inbox };
      await keepFigures(db, workspace.id, r.version!, key, figures);
    }
    const { posts, followers, inbox } = figures;
    const judged = await Promise.all(objectives.filter((o) => o.workspace_id === workspace.id).map((o) => evaluateObjective(r, o)));
    return {
      workspaceId: workspace.id, name: workspace.name,
      followers: followers.end,
      followerGrowth: followers.end === null || followers.start === null ? null : followers.end - followers.start,
      posts: posts.posts, engagement: posts.engagement, engagementRateFollowers: posts.engagementRateFollowers,
      inboxVolume: inbox ? inbox.volume : null,
      responseRate: inbox ? percent(inbox.answered, inbox.asked) : null,
      objectivesBehind: judged.filter((p) => p.status === 'behind').length,
    };
  }));
}

interface AgencyFigures {
  posts: PostTotals;
  followers: FollowerTotals;
  inbox: InboxTotals | null;
}
