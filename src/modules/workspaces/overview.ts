import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database, PostTable } from '../../store/schema.js';
import type { OverviewView, PostGlance } from '../../shared/api.js';
import { can, type RoleName } from '../../shared/permissions.js';
import { canDecide } from '../publishing/approval-policy.js';
import { stepsFor } from '../publishing/legal-review.js';
import { loadDecisionsOf, loadTargets } from '../publishing/posts-repository.js';
import { getSettings } from '../publishing/settings.js';
import { overduePosts } from '../publishing/crisis.js';
import { postVisibility } from '../publishing/visibility.js';
import { getWorkspace } from './service.js';
import { weekStartOf } from './presenters.js';
import { todayAndWeek } from './overview-range.js';

const AGENDA_MAX = 200;
const LIST_MAX = 5;
const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

type Glanced = Pick<PostTable, 'id' | 'status' | 'body' | 'scheduled_at'>;

/**
 * The workspace's home page in a few queries: this week's posts, those waiting for the viewer's approval,
 * those that failed or are held by a pause, accounts to reconnect. Each part is there only for roles that
 * act on it: a client sees the week, what they approve, and whether publishing is paused.
 */
export async function workspaceOverview(ctx: AppContext, workspaceId: string, viewer: { userId: string; role: RoleName }): Promise<OverviewView> {
  const { db } = ctx.store;
  const now = ctx.clock.now();
  const may = (p: Parameters<typeof can>[1]) => can(viewer.role, p);
  const team = may('posts.write') || may('posts.publish');
  const [workspace, settings] = await Promise.all([getWorkspace(db, workspaceId), getSettings(db, workspaceId)]);
  const weekStart = weekStartOf(workspace);
  const { today, week } = todayAndWeek(now, workspace.timezone, weekStart);

  const [agenda, inReview, failed, failedCount, held, accounts, counts, pausedBy] = await Promise.all([
    weekPosts(db, workspaceId, week, may('posts.write')),
    may('posts.approve') ? postsWithStatus(db, workspaceId, ['in_review'], 500) : null,
    team ? postsWithStatus(db, workspaceId, ['failed', 'unknown'], LIST_MAX) : null,
    team ? countWithStatus(db, workspaceId, ['failed', 'unknown']) : 0,
    team && settings.pausedAt !== null ? overduePosts(ctx, workspaceId) : null,
    team || may('connections.manage') ? accountsToReconnect(db, workspaceId) : null,
    countsOf(db, workspaceId, (await postVisibility(db, workspaceId, viewer.role)).drafts),
    settings.pausedBy ? db.selectFrom('user').select('name').where('id', '=', settings.pausedBy).executeTakeFirst() : null,
  ]);

  let toApprove: OverviewView['toApprove'] = null;
  let mine: PostTable[] = [];
  if (inReview) {
    const decisions = await loadDecisionsOf(db, workspaceId, inReview);
    mine = inReview
      .filter((p) => canDecide(stepsFor(settings.approvalSteps, p), decisions.get(p.id) ?? [], viewer))
      .sort((a, b) => (a.scheduled_at ?? Infinity) - (b.scheduled_at ?? Infinity));
    toApprove = { count: mine.length, items: [], waitingOthers: inReview.length - mine.length };
  }
  const heldRows: Glanced[] = (held ?? []).map((p) => ({ ...p, status: 'scheduled' }));
  const shown = [...agenda, ...mine.slice(0, LIST_MAX), ...(failed ?? []), ...heldRows];
  const glance = await glancer(db, shown);

  if (toApprove) toApprove.items = mine.slice(0, LIST_MAX).map(glance);
  return {
    zone: workspace.timezone,
    weekStart,
    approvalRequired: settings.approvalSteps.length > 0,
    today: { from: iso(today.from)!, to: iso(today.to)! },
    week: { from: iso(week.from)!, to: iso(week.to)! },
    agenda: agenda.map(glance),
    toApprove,
    problems: failed ? { failed: failed.map(glance), failedCount, held: heldRows.map(glance) } : null,
    accounts,
    crisis: settings.pausedAt !== null ? { pausedAt: iso(settings.pausedAt)!, pausedBy: pausedBy?.name ?? null } : null,
    counts,
  };
}

/** Posts as the overview lists them, with their accounts (one query for all of them). */
async function glancer(db: Kysely<Database>, posts: Glanced[]) {
  const targets = await loadTargets(db, [...new Set(posts.map((p) => p.id))]);
  return (p: Glanced): PostGlance => ({
    id: p.id,
    status: p.status,
    excerpt: excerpt(p.body),
    scheduledAt: iso(p.scheduled_at),
    targets: targets
      .filter((t) => t.post_id === p.id)
      .map((t) => ({ network: t.network, handle: t.handle, status: t.status, error: t.error_message })),
  });
}

export function excerpt(body: string, max = 140): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// Drafts are the team's work in progress: members who do not write see what was submitted.
function weekPosts(db: Kysely<Database>, workspaceId: string, week: { from: number; to: number }, withDrafts: boolean) {
  let q = db
    .selectFrom('posts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('scheduled_at', '>=', week.from)
    .where('scheduled_at', '<', week.to);
  if (!withDrafts) q = q.where('status', '!=', 'draft');
  return q.orderBy('scheduled_at').orderBy('created_at').limit(AGENDA_MAX).execute();
}

function postsWithStatus(db: Kysely<Database>, workspaceId: string, statuses: PostTable['status'][], limit: number) {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', statuses)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

async function countWithStatus(db: Kysely<Database>, workspaceId: string, statuses: PostTable['status'][]) {
  const row = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function accountsToReconnect(db: Kysely<Database>, workspaceId: string) {
  const rows = await db
    .selectFrom('social_accounts')
    .select(['id', 'network', 'handle', 'status', 'status_message'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'connected')
    .orderBy('handle')
    .execute();
  return rows.map((a) => ({ id: a.id, network: a.network, handle: a.handle, status: a.status, message: a.status_message }));
}

async function countsOf(db: Kysely<Database>, workspaceId: string, withDrafts: boolean) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('social_accounts').select((s) => s.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).as('accounts'),
      eb
        .selectFrom('posts')
        .select((s) => s.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .$if(!withDrafts, (q) => q.where('status', '!=', 'draft'))
        .as('posts'),
      eb.selectFrom('memberships').select((s) => s.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).as('members'),
    ])
    .executeTakeFirstOrThrow();
  return { accounts: Number(row.accounts ?? 0), posts: Number(row.posts ?? 0), members: Number(row.members ?? 0) };
}
