import { useTranslation } from 'react-i18next';
import { dateInWords } from '../lib/date-words.js';

/**
 * Beside a browser date or time field, which speaks the browser's language: its value in words, in the app's. Give
 * its id to the field's aria-describedby; it renders nothing while the field is empty.
 */
export function DateWords({ id, value }: { id?: string; value: string }) {
  const { t, i18n } = useTranslation();
  const words = dateInWords(value, i18n.language);
  return (
    <span id={id} className="date-words">
      {words ? t('dates.reads', { when: words }) : null}
    </span>
  );
}
