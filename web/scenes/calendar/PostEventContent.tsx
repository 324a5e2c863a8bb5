import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { AccountAvatar } from '../../components/AccountAvatar.js';
import { networkName } from '../../lib/counters.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { statusKey } from '../publishing/status.js';

// Text marks (with the text-presentation selector) that stand for the status where its word does not fit.
const STATUS_MARKS: Record<PostView['status'], string> = {
  draft: '\u270E', in_review: '\u25D4', approved: '\u2713', scheduled: '\u25F7',
  publishing: '\u21BB', published: '\u2714\uFE0E', failed: '\u26A0\uFE0E', unknown: '?',
};

export type EventLayout = 'month' | 'time' | 'list' | 'side';

/** The post's accounts, once each, in the order they were picked. */
export function postAccounts(post: PostView) {
  const seen = new Map<string, { network: string; handle: string }>();
  for (const target of post.targets) if (!seen.has(target.accountId)) seen.set(target.accountId, { network: target.network, handle: target.handle });
  return [...seen.values()];
}

/** Only our own media addresses become images: nothing a post's content says is loaded from elsewhere. */
export function thumbnailOf(post: PostView): string | null {
  const url = post.media[0]?.url;
  return url && /^\/api\/v1\/workspaces\/[^/?#]+\/media\/[^/?#]+\/file$/.test(url) ? url : null;
}

interface Props {
  post: PostView;
  title: string;
  time?: string;
  layout: EventLayout;
}

/** One post in the calendar or the list beside it: time, accounts with their networks, status, text and image. */
export function PostEventContent({ post, title, time, layout }: Props) {
  const { t } = useTranslation();
  const accounts = postAccounts(post);
  const thumb = thumbnailOf(post);
  const shown = accounts.slice(0, 3);
  return (
    <span className={`post-event-content in-${layout}`}>
      <span className="post-event-head">
        {time ? <span className="post-event-time">{time}</span> : null}
        <span className="post-event-mark" aria-hidden="true">{STATUS_MARKS[post.status]}</span>
        <span className="post-event-accounts">
          {shown.map((a) => (
            <AccountAvatar key={`${a.network}:${a.handle}`} handle={a.handle} network={a.network} />
          ))}
          {accounts.length > shown.length ? <span className="post-event-more" aria-hidden="true">+{accounts.length - shown.length}</span> : null}
        </span>
        <span className="visually-hidden">{accounts.map((a) => `@${showDirectionControls(a.handle)} (${networkName(a.network)})`).join(', ')}</span>
        <span className="post-event-status">{t(statusKey(post.status, post.approval.required))}</span>
      </span>
      <span className="post-event-body">
        {thumb ? <img className="post-event-thumb" src={thumb} alt="" loading="lazy" decoding="async" /> : null}
        <span className="post-event-title">{title}</span>
      </span>
    </span>
  );
}
