import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  lead?: ReactNode;
  badge?: ReactNode;
  children?: ReactNode;
}

/**
 * A page's heading. It takes focus when the page mounts, so that screen reader and keyboard users
 * land on the new content after every route change.
 */
export function Page({ title, lead, badge, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <div className="page">
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {badge}
        {lead ? <p className="lead">{lead}</p> : null}
      </header>
      {children}
    </div>
  );
}
