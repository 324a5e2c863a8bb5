import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand.js';
import { LanguageSelect } from './LanguageSelect.js';

/** The frame of the pages seen before signing in: a card on a honeycomb background. */
export function AuthCard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen">
      <header className="auth-top">
        <Brand />
        <LanguageSelect />
      </header>
      <main id="main" className="auth-card">
        {children}
      </main>
      <p className="auth-tagline">{t('app.tagline')}</p>
    </div>
  );
}
