import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand.js';
import { Sidebar } from './Sidebar.js';
import { UserMenu } from './UserMenu.js';
import { NotificationBell } from '../scenes/notifications/NotificationBell.js';

/**
 * The signed-in layout: a top bar with the notifications and the account menu, the sidebar and the page. On a phone
 * the sidebar folds behind a Menu button in the top bar.
 */
export function Shell() {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setMenuOpen(false), [pathname]);

  // Escape folds the open menu from anywhere, unless a menu inside it used the key first.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Brand />
        <NotificationBell className="notif-topbar" />
        <UserMenu />
        <button ref={menuButton} type="button" className="nav-toggle" aria-expanded={menuOpen} aria-controls="sidebar" onClick={() => setMenuOpen(!menuOpen)}>
          <span className="nav-toggle-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
      </header>
      <Sidebar id="sidebar" />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
