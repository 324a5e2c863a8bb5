import type { ReactNode } from 'react';

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

export function Loading() {
  return <p className="muted" role="status">…</p>;
}
