import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An error the reader must hear at once (role=alert is assertive). */
export function ErrorAlert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert-error" role="alert">
      {children}
    </div>
  );
}

/**
 * A polite live region. It stays in the DOM even when empty, because screen readers only announce
 * changes to a region that already exists.
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div className={children ? 'alert alert-success' : 'visually-hidden'} role="status">
      {children}
    </div>
  );
}

/** Something still loading (a page's code, its data): an ellipsis on screen, words for a screen reader. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted loading" role="status">
      <span aria-hidden="true">…</span>
      <span className="visually-hidden">{t('app.loading')}</span>
    </p>
  );
}
