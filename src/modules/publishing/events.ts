import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** What happened to a post, shown as its history. Kinds are stable names the UI translates. */
export const PostEvent = {
  created: 'created',
  edited: 'edited',
  submitted: 'submitted',
  approved: 'approved',
  changesRequested: 'changes_requested',
  approvalComplete: 'approval_complete',
  scheduled: 'scheduled',
  unscheduled: 'unscheduled',
  comment: 'comment',
  waitingForApproval: 'waiting_for_approval',
  heldPaused: 'held_paused',
  waitingForBudget: 'waiting_for_budget',
  timePassed: 'time_passed',
  publishing: 'publishing',
  published: 'published',
  networkWarning: 'network_warning',
  /** The network accepted the post, then failed or refused it while processing it (a YouTube upload). */
  networkProcessingFailed: 'network_processing_failed',
  failed: 'failed',
  unknownOutcome: 'unknown_outcome',
  retried: 'retried',
} as const;
export type PostEventKind = (typeof PostEvent)[keyof typeof PostEvent];

/** Many events in one statement, for the publishing batches. */
export async function recordPostEvents(
  db: Kysely<Database>,
  events: Array<{ postId: string; kind: PostEventKind; body?: string; now: number }>,
): Promise<void> {
  // In slices: one statement's parameters are bounded (SQLite 32,766, PostgreSQL 65,535).
  for (let i = 0; i < events.length; i += 1000) {
    await db
      .insertInto('post_events')
      .values(
        events.slice(i, i + 1000).map((e) => ({
          id: crypto.randomUUID(), post_id: e.postId, actor_id: null, kind: e.kind, body: e.body ?? '', data: '{}', created_at: e.now,
        })),
      )
      .execute();
  }
}

export async function recordPostEvent(
  db: Kysely<Database>,
  postId: string,
  kind: PostEventKind,
  opts: { actorId?: string | null; body?: string; data?: Record<string, unknown>; internal?: boolean; now: number },
): Promise<void> {
  await db
    .insertInto('post_events')
    .values({
      id: crypto.randomUUID(),
      post_id: postId,
      actor_id: opts.actorId ?? null,
      kind,
      body: opts.body ?? '',
      data: JSON.stringify(opts.data ?? {}),
      internal: opts.internal ? 1 : 0,
      created_at: opts.now,
    })
    .execute();
}
