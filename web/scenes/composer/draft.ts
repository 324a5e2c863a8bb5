/** The composer's working copy of a post, and its conversion to and from the API. No React. */
import type { MediaView, PostOptionsView, PostView } from '../../../src/shared/api.js';
import type { PostInput } from '../../api/publishing.js';
import { fromLocalInput, toLocalInput } from '../../lib/zoned.js';

export interface Draft {
  body: string;
  thread: string[];
  labels: string;
  language: '' | 'fr' | 'en';
  campaignId: string;
  accountIds: string[];
  /** Accounts with their own text; the others use the main text. */
  variants: Record<string, string>;
  media: MediaView[];
  /** The network tabs' settings (Instagram format, YouTube title, Pinterest board...), by network. */
  options: Record<string, PostOptionsView>;
  /** datetime-local value in the workspace's time zone. */
  plannedAt: string;
}

export const emptyDraft = (): Draft => ({
  body: '', thread: [], labels: '', language: '', campaignId: '', accountIds: [], variants: {}, media: [], options: {}, plannedAt: '',
});

export function draftFromPost(post: PostView, zone: string): Draft {
  const variants: Record<string, string> = {};
  for (const target of post.targets) if (target.body !== null) variants[target.accountId] = target.body;
  return {
    body: post.body,
    thread: post.thread,
    labels: post.labels.join(', '),
    language: post.language === 'fr' || post.language === 'en' ? post.language : '',
    campaignId: post.campaignId ?? '',
    accountIds: post.targets.map((t) => t.accountId),
    variants,
    media: post.media,
    options: Object.fromEntries(Object.entries(post.options ?? {}).filter(([, o]) => o)) as Record<string, PostOptionsView>,
    plannedAt: toLocalInput(post.scheduledAt, zone),
  };
}

export const parseLabels = (text: string): string[] => [...new Set(text.split(',').map((l) => l.trim()).filter(Boolean))];

/** The content fields (the time goes through reschedule for posts that exist, to keep their approvals). */
/** Only filled fields are sent: an emptied field is a field left alone, not an empty value the API would refuse. */
const filled = (o: PostOptionsView): PostOptionsView =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as PostOptionsView;

export function contentInput(d: Draft, networks?: readonly string[]): Omit<PostInput, 'scheduledAt'> {
  const variants = Object.fromEntries(Object.entries(d.variants).filter(([id]) => d.accountIds.includes(id)));
  return {
    body: d.body,
    thread: d.thread.filter((part) => part.trim()),
    labels: parseLabels(d.labels),
    language: d.language || null,
    campaignId: d.campaignId || null,
    accountIds: d.accountIds,
    variants,
    mediaIds: d.media.map((m) => m.id),
    options: Object.fromEntries(
      Object.entries(d.options ?? {})
        .filter(([network]) => !networks || networks.includes(network))
        .map(([network, o]) => [network, filled(o)] as const)
        .filter(([, o]) => Object.keys(o).length > 0),
    ),
  };
}

export const createInput = (d: Draft, zone: string): PostInput => ({ ...contentInput(d), scheduledAt: fromLocalInput(d.plannedAt, zone) });

export const sameContent = (a: Draft, b: Draft) => JSON.stringify(contentInput(a)) === JSON.stringify(contentInput(b));

/** The text an account will publish. */
export const textFor = (d: Draft, accountId: string) => d.variants[accountId] ?? d.body;
