import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session.js';
import { NotificationPanel } from './NotificationPanel.js';
import { rememberLanguage, unreadFeed } from './unread.js';
import '../../styles/notifications.css';

/** The bell in the top bar: the unread count, live, and the notification centre under it. */
export function NotificationBell({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const { unread, version } = useSyncExternalStore(unreadFeed.subscribe, unreadFeed.getSnapshot);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void rememberLanguage(session.user.id, i18n.resolvedLanguage ?? i18n.language);
  }, [session.user.id, i18n.resolvedLanguage, i18n.language]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const count = unread ?? 0;
  return (
    <div className={`notif ${className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="notif-bell"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="notif-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      {open ? <NotificationPanel id={panelId} version={version} unread={count} onClose={close} /> : null}
    </div>
  );
}

function BellIcon() {
  return (
    <svg className="notif-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.7A1 1 0 0 0 5.3 17h13.4a1 1 0 0 0 .9-1.7L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
