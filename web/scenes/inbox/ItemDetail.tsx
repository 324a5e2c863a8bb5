import { forwardRef, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { errorMessage } from '../../lib/errors.js';
import { networkName } from '../../lib/counters.js';
import { workspacePath } from '../../lib/areas.js';
import { STATUSES, inboxApi, type InboxItemView, type ItemStatus, type SavedReply } from './api.js';
import { AuthorCard } from './AuthorCard.js';
import { ModerationBar } from './ModerationBar.js';
import { NotesPanel } from './NotesPanel.js';
import { ReplyBox } from './ReplyBox.js';
import { ThreadView } from './ThreadView.js';
import { TicketDialog } from '../tickets/TicketDialog.js';
import { inert } from './text.js';
import { useWhen } from '../../app/useWhen.js';

interface Props {
  wid: string;
  itemId: string;
  /** Bumped when the server says the item changed. */
  version: number;
  ownHandle: (accountId: string | null) => string | null;
  savedReplies: SavedReply[];
  memberName: (userId: string | null) => string | null;
  onBack: (() => void) | null;
  onOpen: (itemId: string) => void;
  onStatus: (status: ItemStatus) => void;
  onAssign: () => void;
  onLabel: () => void;
  /** The item as loaded, so that the list row shows the same. */
  onLoaded: (item: InboxItemView) => void;
}

/** One item with its conversation, what the team can do with it, and who wrote it. */
export const ItemDetail = forwardRef<HTMLTextAreaElement, Props>(function ItemDetail(
  { wid, itemId, version, ownHandle, savedReplies, memberName, onBack, onOpen, onStatus, onAssign, onLabel, onLoaded },
  replyRef,
) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const [detail, reload] = useLoad(() => inboxApi.item(wid, itemId), [wid, itemId]);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstVersion = useRef(version);
  const [ticketOpen, setTicketOpen] = useState(false);

  useEffect(() => {
    if (version !== firstVersion.current) void reload();
  }, [version, reload]);

  useEffect(() => {
    if (detail.status === 'ready') onLoaded(detail.data.item);
    // Only when a fresh answer arrives.
  }, [detail]);

  // Replies and moderation on their way: asked again until the network answered.
  const waiting =
    detail.status === 'ready' &&
    (detail.data.replies.some((r) => r.status === 'queued' || r.status === 'sending') || detail.data.moderation.some((m) => m.outcome === 'queued'));
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void reload(), 1500);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  const back = onBack ? (
    <button type="button" className="button button-small inbox-back" onClick={onBack}>
      <span aria-hidden="true">← </span>
      {t('inbox.back')}
    </button>
  ) : null;

  if (detail.status === 'loading') return <div className="inbox-detail">{back}<Loading /></div>;
  if (detail.status === 'failed') {
    return (
      <div className="inbox-detail">
        {back}
        <ErrorAlert>{errorMessage(t, detail.error)}</ErrorAlert>
        <button type="button" className="button" onClick={() => void reload()}>
          {t('inbox.retry')}
        </button>
      </div>
    );
  }
  const { item, thread, context, notes, notesVisible, replies, tickets, moderation } = detail.data;
  const name = inert(item.author.displayName || item.author.handle, 200);
  const assignee = memberName(item.assigneeId);
  const canReply = workspace.can('inbox.reply');

  return (
    <article className="inbox-detail" aria-labelledby="inbox-detail-title">
      {back}
      <header className="inbox-detail-head">
        <h2 id="inbox-detail-title" ref={heading} tabIndex={-1}>
          {t(`inbox.kindFrom.${item.kind}`, { network: networkName(item.network) })} <UserText>{name}</UserText>
        </h2>
        <p className="muted">
          {clock.dateTime(item.createdAt)}
          {item.firstReplyAt ? ` · ${t('inbox.firstReply', { when: clock.dateTime(item.firstReplyAt) })}` : ''}
        </p>
      </header>
      <div className="inbox-triage" role="group" aria-label={t('inbox.triage')}>
        {canReply ? (
          <>
            <span className="inbox-triage-status" role="group" aria-label={t('inbox.filters.status')}>
              {STATUSES.map((s) => (
                <button key={s} type="button" className="button button-small" aria-pressed={item.status === s} onClick={() => onStatus(s)}>
                  {t(`inbox.status.${s}`)}
                </button>
              ))}
            </span>
            <button type="button" className="button button-small" onClick={onAssign}>
              {assignee ? (
                <>
                  {t('inbox.assignedPrefix')} <UserText>{assignee}</UserText>
                </>
              ) : (
                t('inbox.assign.button')
              )}
            </button>
            <button type="button" className="button button-small" onClick={onLabel}>
              {t('inbox.labels.button')}
            </button>
            <button type="button" className="button button-small" onClick={() => setTicketOpen(true)}>
              {t('inbox.tickets.open')}
            </button>
          </>
        ) : (
          <span className="inbox-triage-status">
            {t(`inbox.status.${item.status}`)}
            {assignee ? (
              <>
                {' · '}
                {t('inbox.assignedPrefix')} <UserText>{assignee}</UserText>
              </>
            ) : null}
          </span>
        )}
        {item.labels.map((label) => (
          <span key={label} className="inbox-label">
            <UserText>{inert(label, 60)}</UserText>
          </span>
        ))}
      </div>
      <div className="inbox-detail-body">
        <div className="inbox-detail-main">
          <ThreadView
            item={item}
            thread={thread}
            context={context}
            replies={replies}
            ownHandle={ownHandle(item.accountId)}
            postPath={item.postId ? `${workspacePath(wid, 'calendar')}/posts/${encodeURIComponent(item.postId)}` : null}
            memberName={memberName}
            onOpen={onOpen}
          />
          {canReply ? <ReplyBox ref={replyRef} wid={wid} item={item} savedReplies={savedReplies} onQueued={() => void reload()} /> : null}
          {workspace.can('moderation.act') ? <ModerationBar wid={wid} item={item} onDone={() => void reload()} /> : null}
          {tickets.length > 0 ? (
            <section className="inbox-tickets">
              <h3>{t('inbox.tickets.title')}</h3>
              <ul>
                {tickets.map((ticket) => (
                  <li key={ticket.id}>
                    <Link to={`${workspacePath(wid, 'tickets')}/${encodeURIComponent(ticket.id)}`}>
                      <UserText>{ticket.departmentName ?? t('inbox.tickets.ticket')}</UserText>
                    </Link>{' '}
                    · {t(`inbox.tickets.status.${ticket.status}`, { defaultValue: ticket.status })}
                    {' · '}
                    {t('inbox.tickets.due', { when: clock.dateTime(ticket.dueAt) })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {/* The team's notes, kept from clients unless the workspace shares its internal comments with them. */}
          {notesVisible ? <NotesPanel wid={wid} itemId={item.id} notes={notes} memberName={memberName} canWrite={canReply} onAdded={() => void reload()} /> : null}
          {moderation.length > 0 ? (
            <section className="inbox-log">
              <h3>{t('inbox.log.title')}</h3>
              <ul>
                {moderation.map((entry) => (
                  <li key={entry.id}>
                    {t(`inbox.moderation.logged.${entry.action}`, { defaultValue: entry.action })}
                    {' · '}
                    {entry.onNetwork
                      ? t('inbox.log.onNetwork', { network: t(`moderation.networks.${entry.onNetwork}`, { defaultValue: entry.onNetwork }) })
                      : entry.ruleId ? t('inbox.log.byRule') : <UserText>{memberName(entry.actorId) ?? ''}</UserText>}
                    {' · '}
                    {t(`inbox.log.outcome.${entry.outcome}`, { defaultValue: entry.outcome })}
                    <span className="muted"> · {clock.dateTime(entry.createdAt)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="inbox-detail-side">
          <AuthorCard wid={wid} author={item.author} currentItemId={item.id} version={version} onOpen={onOpen} />
        </aside>
      </div>
      {ticketOpen ? (
        <TicketDialog
          workspaceId={wid}
          itemId={item.id}
          onOpened={() => {
            setTicketOpen(false);
            void reload();
          }}
          onClose={() => setTicketOpen(false)}
        />
      ) : null}
    </article>
  );
});
