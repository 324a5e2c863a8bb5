import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.js';
import type { InboxItemView, ReplyView, ThreadContextEntry } from './api.js';
import { Badges } from './Badges.js';
import { ClampedText, safeUrl } from './ClampedText.js';
import { inert } from './text.js';
import { useWhen } from '../../app/useWhen.js';

interface Props {
  item: InboxItemView;
  thread: InboxItemView[];
  context: ThreadContextEntry[];
  replies: ReplyView[];
  ownHandle: string | null;
  postPath: string | null;
  memberName: (userId: string | null) => string | null;
  onOpen: (itemId: string) => void;
}

/** A post above the item: its words, and beside them its thumbnail when the network gave one (hidden if it fails). */
function ContextBody({ entry }: { entry: ThreadContextEntry }) {
  const [broken, setBroken] = useState(false);
  const image = safeUrl(entry.imageUrl);
  if (!image || broken) return <ClampedText text={entry.text} />;
  return (
    <div className="inbox-msg-post">
      <img className="inbox-msg-thumb" src={image} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" onError={() => setBroken(true)} />
      <ClampedText text={entry.text} />
    </div>
  );
}

/** The conversation, oldest first: what it answers (our post among it), the item and its neighbours, and our replies. */
export function ThreadView({ item, thread, context, replies, ownHandle, postPath, memberName, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const when = clock.dateTime;
  const messages = [...thread.filter((i) => i.id !== item.id), item].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  const own = (handle: string) => ownHandle !== null && handle.replace(/^@/, '').toLowerCase() === ownHandle.toLowerCase();

  return (
    <section className="inbox-thread" aria-label={t('inbox.thread.title')}>
      <h3 className="visually-hidden">{t('inbox.thread.title')}</h3>
      <ol className="inbox-thread-list">
        {context.slice(-6).map((entry, index) => (
          <li key={`c${index}`} className={`inbox-msg inbox-msg-context${own(entry.authorHandle) ? ' is-ours' : ''}`}>
            <p className="inbox-msg-head">
              <UserText className="inbox-msg-author">{`@${inert(entry.authorHandle.replace(/^@/, ''), 120)}`}</UserText>
              {own(entry.authorHandle) ? <span className="inbox-ours">{t('inbox.thread.ourPost')}</span> : null}
              <span className="muted">{when(entry.createdAt)}</span>
            </p>
            <ContextBody entry={entry} />
            <p className="inbox-msg-foot">
              {safeUrl(entry.url) ? (
                <a href={safeUrl(entry.url)!} target="_blank" rel="noopener noreferrer nofollow">
                  {t('inbox.thread.onNetwork')}
                </a>
              ) : null}
              {own(entry.authorHandle) && postPath ? <Link to={postPath}>{t('inbox.thread.openPost')}</Link> : null}
            </p>
          </li>
        ))}
        {messages.map((message) => {
          const current = message.id === item.id;
          const url = safeUrl(message.url);
          return (
            <li key={message.id} className={`inbox-msg${current ? ' is-current' : ''}`} aria-current={current ? 'true' : undefined}>
              <p className="inbox-msg-head">
                <UserText className="inbox-msg-author">{inert(message.author.displayName || message.author.handle, 200)}</UserText>
                <UserText className="muted">{`@${inert(message.author.handle, 120)}`}</UserText>
                <span className="muted">{when(message.createdAt)}</span>
              </p>
              <ClampedText text={message.text || t('inbox.noText')} />
              <p className="inbox-msg-foot">
                {current ? <Badges item={message} withWhy /> : null}
                {url ? (
                  <a href={url} target="_blank" rel="noopener noreferrer nofollow">
                    {t('inbox.thread.onNetwork')}
                  </a>
                ) : null}
                {!current ? (
                  <button type="button" className="inbox-link-button" onClick={() => onOpen(message.id)}>
                    {t('inbox.thread.open')}
                  </button>
                ) : null}
              </p>
            </li>
          );
        })}
        {replies.map((reply) => {
          const url = safeUrl(reply.url);
          return (
            <li key={reply.id} className="inbox-msg is-ours inbox-msg-reply">
              <p className="inbox-msg-head">
                <span className="inbox-ours">{t(`inbox.replies.kind.${reply.kind}`)}</span>
                {memberName(reply.authorId) ? <UserText className="muted">{memberName(reply.authorId)!}</UserText> : null}
                <span className="muted">{when(reply.sentAt ?? reply.createdAt)}</span>
              </p>
              {reply.kind === 'reply' ? <ClampedText text={reply.body} /> : null}
              <p className={`inbox-reply-status inbox-reply-${reply.status}`}>
                {t(`inbox.replies.status.${reply.status}`)}
                {reply.status === 'failed' && reply.error ? (
                  <>
                    {' '}
                    <UserText>{inert(reply.error, 400)}</UserText>
                  </>
                ) : null}
                {url ? (
                  <>
                    {' '}
                    <a href={url} target="_blank" rel="noopener noreferrer nofollow">
                      {t('inbox.thread.onNetwork')}
                    </a>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
