import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasInteracted } from '../lib/interaction.js';

interface PageProps {
  title: string;
  lead?: ReactNode;
  badge?: ReactNode;
  children?: ReactNode;
}

/**
 * A page's heading. It takes focus when the page mounts after the person has done something (followed a link,
 * sent a form), so that screen reader and keyboard users land on the new content. A page opened by its address is
 * read from the top anyway, and a ring around its title would only be in the way.
 */
export function Page({ title, lead, badge, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    if (hasInteracted()) heading.current?.focus({ preventScroll: false });
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
