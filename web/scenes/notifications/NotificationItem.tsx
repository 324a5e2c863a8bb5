import { useId } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../src/shared/notifications.js';
import { useWhen } from '../../app/useWhen.js';
import { notificationWords, timeAgo } from './text.js';

interface Props {
  notification: NotificationView;
  showWorkspace: boolean;
  onOpen: () => void;
  onMarkRead: () => void;
}

/** One notification: what happened (as text: names and posts are never markup), when, and where it leads. */
export function NotificationItem({ notification: n, showWorkspace, onOpen, onMarkRead }: Props) {
  const { t, i18n } = useTranslation();
  const textId = useId();
  const clock = useWhen(n.workspaceId);
  const { text, detail } = notificationWords(t, n);
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'notif-item notif-unread' : 'notif-item'}>
      <Link to={n.link} className="notif-link" onClick={onOpen}>
        {unread ? <span className="visually-hidden">{t('notifications.unread')}: </span> : null}
        <span className="notif-line" id={textId}>
          {text}
        </span>
        {detail ? <span className="notif-detail">{detail}</span> : null}
        <span className="notif-meta">
          {showWorkspace ? <span className="notif-workspace">{n.workspaceName}</span> : null}
          <time dateTime={n.createdAt} title={clock.dateTime(n.createdAt)}>
            {timeAgo(n.createdAt, Date.now(), i18n.language)}
          </time>
        </span>
      </Link>
      {unread ? (
        <button type="button" className="notif-mark" aria-describedby={textId} title={t('notifications.markRead')} onClick={onMarkRead}>
          <span className="visually-hidden">{t('notifications.markRead')}</span>
          <span className="notif-dot" aria-hidden="true" />
        </button>
      ) : null}
    </li>
  );
}
