import type { PostStatus } from '../../store/schema.js';
import { forbidden } from '../../http/errors.js';
import { can, type RoleName } from '../../shared/permissions.js';

/**
 * Statuses in which a post has been signed off for the calendar (or has been sent). Changing such a post —
 * its text, variants, images, time, or removing it — is publishing's call: otherwise a writer could rewrite
 * a post after the people who publish or approve let it through, and with no approval steps it would go out.
 */
const SIGNED_OFF: Partial<Record<PostStatus, string>> = {
  approved: 'approved',
  scheduled: 'scheduled',
  failed: 'one that failed to go out',
  unknown: 'one that may have gone out',
};

export type PostChange = 'edit' | 'move' | 'delete';

export function mayChangePost(role: RoleName, status: PostStatus): boolean {
  return !(status in SIGNED_OFF) || can(role, 'posts.publish');
}

export function assertMayChangePost(role: RoleName, status: PostStatus, change: PostChange = 'edit'): void {
  if (mayChangePost(role, status)) return;
  throw forbidden(`This post is ${SIGNED_OFF[status]}: only members who may publish can ${change} it.`);
}
