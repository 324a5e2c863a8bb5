import type { PostStatus } from '../../../src/shared/api.js';
import { showDirectionControls } from '../../lib/bidi.js';

export const POST_STATUSES: readonly PostStatus[] = [
  'draft', 'in_review', 'approved', 'scheduled', 'publishing', 'published', 'failed', 'unknown',
];

/** Statuses whose content can still change; the others have gone out or are going out. */
export const EDITABLE: readonly PostStatus[] = ['draft', 'in_review', 'approved', 'scheduled'];

export const isEditable = (status: PostStatus) => EDITABLE.includes(status);

export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return showDirectionControls(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** The translation key of a status: "approved" reads "ready" where nobody had to approve. */
export const statusKey = (status: PostStatus, approvalRequired = true): string =>
  status === 'approved' && !approvalRequired ? 'postStatus.ready' : `postStatus.${status}`;
