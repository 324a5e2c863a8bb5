import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, isLocale } from '../lib/locale.js';
import { switchLocale } from '../i18n/index.js';

/** The language choice; each language is named in itself so anyone can find theirs. */
export function LanguageSelect({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className={`language-select ${className ?? ''}`}>
      <label htmlFor={id}>{t('lang.label')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => {
          if (isLocale(event.target.value)) switchLocale(event.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
