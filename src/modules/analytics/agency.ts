import type { AppContext } from '../../context.js';
import { listWorkspacesOf } from '../workspaces/service.js';
import { can } from '../../shared/permissions.js';
import { mayReadInbox } from '../inbox/access.js';
import { readerFor } from './dashboard.js';
import { accountsOf } from './scope.js';
import { followerTotals, postTotals } from './publishing.js';
import { inboxTotals } from './inbox-figures.js';
import { percent } from './figures.js';
import { listObjectives } from './objectives/objectives.js';
import { evaluateObjective } from './objectives/evaluate.js';
import type { Period } from './types.js';

export interface AgencyRow {
  workspaceId: string;
  name: string;
  followers: number | null;
  followerGrowth: number | null;
  posts: number;
  engagement: number;
  engagementRateFollowers: number | null;
  /** Null where the member may not read that workspace's inbox. */
  inboxVolume: number | null;
  responseRate: number | null;
  objectivesBehind: number;
}

/** Past this many workspaces an agency view would be slow to read and to look at. */
const MAX_WORKSPACES = 100;

/**
 * One row per workspace the member reads, for the same period: each from the same rollups as its dashboard and
 * judged with the member's role in that workspace (inbox figures only where they may read the inbox).
 */
export async function agencyRows(ctx: AppContext, userId: string, period: Period): Promise<AgencyRow[]> {
  const memberships = (await listWorkspacesOf(ctx.store.db, userId)).filter((m) => can(m.role, 'analytics.read')).slice(0, MAX_WORKSPACES);
  const now = ctx.clock.now();
  return Promise.all(memberships.map(async ({ workspace, role }) => {
    const scope = { workspaceId: workspace.id };
    const [r, accounts, withInbox] = await Promise.all([
      readerFor(ctx.store, workspace.id, now), accountsOf(ctx.store.db, scope), mayReadInbox(ctx.store.db, workspace.id, role),
    ]);
    const [posts, followers, inbox, objectives] = await Promise.all([
      postTotals(r, scope, period), followerTotals(r, accounts, period),
      withInbox ? inboxTotals(r, scope, period, { wait: false }) : null,
      listObjectives(ctx.store.db, workspace.id),
    ]);
    const live = objectives.filter((o) => Number(o.period_start) <= now && Number(o.period_end) > now);
    const judged = await Promise.all(live.map((o) => evaluateObjective(r, o)));
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
