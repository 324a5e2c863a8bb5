/** What the composer's buttons do, as plain async steps over the API. */
import type { TFunction } from 'i18next';
import type { PostView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { fromLocalInput, longInZone, toLocalInput } from '../../lib/zoned.js';
import { contentInput, createInput, sameContent, type Draft } from './draft.js';

export type After = 'save' | 'submit' | 'now' | 'queue';

/**
 * Saves the draft: a new post is created; an existing one gets its content patched (only when it changed,
 * since every edit is a new version needing fresh approvals) and its time moved with reschedule, which keeps them.
 */
export async function persist(wid: string, zone: string, post: PostView | null, initial: Draft, draft: Draft): Promise<PostView> {
  if (!post) return publishing.posts.create(wid, createInput(draft, zone));
  let current = post;
  if (!sameContent(initial, draft)) {
    current = await publishing.posts.update(wid, post.id, { ...contentInput(draft), expectedVersion: post.version });
  }
  if (draft.plannedAt !== toLocalInput(post.scheduledAt, zone)) {
    const at = fromLocalInput(draft.plannedAt, zone);
    current = at
      ? await publishing.posts.reschedule(wid, post.id, at)
      : await publishing.posts.update(wid, post.id, { scheduledAt: null, expectedVersion: current.version });
  }
  return current;
}

/**
 * Saves, then moves the post as far as asked and allowed: review, the calendar, out now, or the queue (the
 * accounts' next free slot, taken in whatever state the post is: a draft goes to review planned for it).
 */
export async function send(wid: string, zone: string, post: PostView | null, initial: Draft, draft: Draft, after: After): Promise<PostView> {
  let p = await persist(wid, zone, post, initial, draft);
  if (after === 'save') return p;
  if (after === 'queue') return publishing.posts.queue(wid, p.id);
  if (p.status === 'draft') p = await publishing.posts.submit(wid, p.id);
  if (after === 'now' && (p.status === 'approved' || p.status === 'scheduled')) p = await publishing.posts.schedule(wid, p.id, 'now');
  return p;
}

/** The sentence announced after a step, from where the post ended up. */
export function outcome(t: TFunction, p: PostView, zone: string, locale: string, after: After): string {
  if (after === 'save') return t('composer.saved');
  const date = longInZone(p.scheduledAt, zone, locale);
  switch (p.status) {
    case 'in_review':
      return after === 'queue' ? t('composer.queuedForReview', { date }) : t('composer.sentForApproval');
    case 'scheduled':
      return after === 'queue' ? t('composer.queuedFor', { date }) : t('composer.scheduledFor', { date });
    case 'approved':
      // Approved after its time: it waits, ready, and goes out only once given a time to come.
      if (p.scheduledAt && Date.parse(p.scheduledAt) <= Date.now()) return t('composer.readyTimePassed', { date });
      if (p.scheduledAt && !p.approval.required) return t('composer.readyAt', { date });
      return p.approval.required ? t('composer.approvedNoTime') : t('composer.readyNoTime');
    case 'publishing':
    case 'published':
      return t('composer.publishingNow');
    default:
      return t('composer.saved');
  }
}
