import type { Kysely } from 'kysely';
import type { Database, PostTable } from '../../store/schema.js';
import type { PostView } from '../../shared/api.js';
import type { RoleName } from '../../shared/permissions.js';
import { approvalState, canDecide } from './approval-policy.js';
import { loadDecisionsOf, loadMedia, loadTargets } from './posts-repository.js';
import { getSettings } from './settings.js';
import { charterReviewView, stepsFor } from './legal-review.js';
import { parseOptions } from './network-options.js';
import { loadWaits } from './target-waits.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const list = (json: string) => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

/** Posts as the API shows them, loaded in a few queries whatever their number. */
export async function presentPosts(
  db: Kysely<Database>,
  workspaceId: string,
  posts: PostTable[],
  viewer: { userId: string; role: RoleName },
): Promise<PostView[]> {
  if (posts.length === 0) return [];
  const ids = posts.map((p) => p.id);
  const [targets, media, settings, authors, decisionsOf, waits] = await Promise.all([
    loadTargets(db, ids),
    loadMedia(db, ids),
    getSettings(db, workspaceId),
    db.selectFrom('user').select(['id', 'name']).where('id', 'in', [...new Set(posts.map((p) => p.author_id))]).execute(),
    loadDecisionsOf(db, workspaceId, posts.filter((p) => p.status === 'in_review')),
    loadWaits(db, posts.filter((p) => p.status === 'publishing').map((p) => p.id), Date.now()),
  ]);
  const names = new Map(authors.map((a) => [a.id, a.name]));
  const out: PostView[] = [];
  for (const p of posts) {
    const decisions = decisionsOf.get(p.id) ?? [];
    const steps = stepsFor(settings.approvalSteps, p);
    const state = approvalState(steps, decisions);
    out.push({
      id: p.id,
      status: p.status,
      body: p.body,
      thread: list(p.thread),
      labels: list(p.labels),
      language: p.language,
      campaignId: p.campaign_id,
      scheduledAt: iso(p.scheduled_at),
      version: p.version,
      options: parseOptions(p.network_options),
      author: { id: p.author_id, name: names.get(p.author_id) ?? '' },
      createdAt: iso(p.created_at)!,
      updatedAt: iso(p.updated_at)!,
      publishedAt: iso(p.published_at),
      targets: targets
        .filter((t) => t.post_id === p.id)
        .map((t) => ({
          id: t.id,
          accountId: t.account_id,
          network: t.network,
          handle: t.handle,
          body: t.body,
          status: t.status,
          url: t.external_url,
          error: t.error_kind ? { kind: t.error_kind, message: t.error_message ?? '' } : null,
          publishedAt: iso(t.published_at),
          waiting: t.status === 'pending' ? (waits.get(`${p.id}:${t.network}`) ?? null) : null,
        })),
      media: media
        .filter((m) => m.post_id === p.id)
        .map((m) => ({
          id: m.id,
          fileName: m.file_name,
          mime: m.mime,
          bytes: m.bytes,
          width: m.width,
          height: m.height,
          durationSec: m.duration_sec ?? null,
          alt: m.alt,
          url: `/api/v1/workspaces/${workspaceId}/media/${m.id}/file`,
        })),
      approval: {
        required: state.required,
        complete: p.status !== 'draft' && p.status !== 'in_review' ? true : state.complete && p.status !== 'draft',
        currentStep: state.currentStep,
        missing: state.missing,
        changesRequested: state.changesRequested,
        canDecide: p.status === 'in_review' && canDecide(steps, decisions, viewer),
      },
      charterReview: charterReviewView(settings.approvalSteps, p, decisions),
    });
  }
  return out;
}
