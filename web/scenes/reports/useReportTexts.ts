import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadLanguage } from '../../i18n/index.js';

/**
 * Whether the texts of a report's language can be read: a report for a client may be written in the other
 * language than the page's, whose texts the page has not fetched yet.
 */
export function useReportTexts(locale: 'en' | 'fr'): boolean {
  const { i18n } = useTranslation();
  const [loaded, setLoaded] = useState<string | null>(i18n.language);
  useEffect(() => {
    let live = true;
    // Not fetched (offline): the title stays empty for the server to name the report in its language.
    loadLanguage(locale).then(
      () => live && setLoaded(locale),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [locale]);
  return loaded === locale || locale === i18n.language;
}
