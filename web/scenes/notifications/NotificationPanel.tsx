import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../src/shared/notifications.js';
import { notificationsApi } from '../../api/notifications.js';
import { useSignedIn } from '../../app/session.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { NotificationItem } from './NotificationItem.js';
import { unreadFeed } from './unread.js';

const PAGE = 10;

interface Props {
  id: string;
  /** Changes when the server says the notifications changed: the list reloads. */
  version: number;
  unread: number;
  onClose: (refocus: boolean) => void;
}

/** The notification centre: newest first, a page at a time, each leading to what it is about. */
export function NotificationPanel({ id, version, unread, onClose }: Props) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (from: string | null) => {
    setBusy(true);
    try {
      const page = await notificationsApi.page({ cursor: from, limit: PAGE });
      setItems((before) => (from && before ? [...before, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load, version]);

  useEffect(() => heading.current?.focus(), []);

  const markRead = async (n: NotificationView) => {
    if (n.readAt) return;
    setItems((list) => list?.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString() } : i)) ?? null);
    await notificationsApi.markRead(n.id).catch(() => undefined);
    await unreadFeed.refresh();
  };

  const markAllRead = async () => {
    try {
      await notificationsApi.markAllRead();
      const now = new Date().toISOString();
      setItems((list) => list?.map((i) => (i.readAt ? i : { ...i, readAt: now })) ?? null);
      await unreadFeed.refresh();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section
      id={id}
      className="notif-panel"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose(true);
        }
      }}
    >
      <header className="notif-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('notifications.title')}
        </h2>
        <button type="button" className="notif-text-button" onClick={() => void markAllRead()} disabled={unread === 0}>
          {t('notifications.markAllRead')}
        </button>
      </header>
      <ErrorAlert>{error ? errorMessage(t, error) : null}</ErrorAlert>
      {items && items.length === 0 ? <p className="notif-empty">{t('notifications.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="notif-list">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              showWorkspace={session.memberships.length > 1}
              onOpen={() => {
                void markRead(n);
                onClose(false);
              }}
              onMarkRead={() => void markRead(n)}
            />
          ))}
        </ul>
      ) : null}
      {cursor ? (
        <button type="button" className="notif-more" onClick={() => void load(cursor)} disabled={busy}>
          {t('notifications.more')}
        </button>
      ) : null}
      <footer className="notif-foot">
        <Link to="/account/notifications" onClick={() => onClose(false)}>
          {t('notifications.settings')}
        </Link>
      </footer>
    </section>
  );
}
