import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in the app's language (fr: 31/12/2026, en: 12/31/2026). */
export function dateOrder(language: string): Part[] {
  const parts = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(Date.UTC(2026, 11, 31)));
  return parts.map((p) => p.type).filter((p): p is Part => p === 'day' || p === 'month' || p === 'year');
}

/** "2026-12-31" written the language's way, or '' for nothing. */
export function showDate(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const value: Record<Part, string> = { year: m[1], month: m[2], day: m[3] };
  return dateOrder(language).map((p) => value[p]).join('/');
}

/** What the member typed, read the language's way: an ISO day, '' when empty, null when it is not a date. */
export function readDate(text: string, language: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const numbers = trimmed.split(/[/.\-\s]+/);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d{1,4}$/.test(n))) return null;
  const value = {} as Record<Part, number>;
  dateOrder(language).forEach((p, i) => (value[p] = Number(numbers[i])));
  if (value.year < 100) value.year += 2000;
  const d = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (d.getUTCFullYear() !== value.year || d.getUTCMonth() !== value.month - 1 || d.getUTCDate() !== value.day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * A day typed in the app's language (the browser's own date field follows the browser's language, not the app's),
 * with a calendar button that opens the browser's picker and writes its choice back here.
 */
export function DateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (iso: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [text, setText] = useState(() => showDate(value, language));
  const [wrong, setWrong] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const hint = useId();

  useEffect(() => {
    if (readDate(text, language) !== value) setText(showDate(value, language));
    // Only an outside change (cleared filters, the picker, a new language) rewrites what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, language]);

  const typed = (next: string) => {
    setText(next);
    const iso = readDate(next, language);
    if (iso !== null) {
      setWrong(false);
      if (iso !== value) onChange(iso);
    }
  };

  return (
    <span className="inbox-date">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        lang={language}
        placeholder={t('inbox.filters.datePattern')}
        value={text}
        aria-describedby={hint}
        aria-invalid={wrong || undefined}
        onChange={(e) => typed(e.target.value)}
        onBlur={() => setWrong(readDate(text, language) === null)}
      />
      <button
        type="button"
        className="button button-small inbox-date-pick"
        aria-label={t('inbox.filters.pickDate', { field: label })}
        onClick={() => picker.current?.showPicker?.()}
      >
        <span aria-hidden="true">▦</span>
      </button>
      <input
        ref={picker}
        type="date"
        className="inbox-date-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={hint} className={wrong ? 'inbox-date-hint is-wrong' : 'inbox-date-hint'}>
        {wrong ? t('inbox.filters.badDate', { pattern: t('inbox.filters.datePattern') }) : t('inbox.filters.dateFormat', { pattern: t('inbox.filters.datePattern') })}
      </span>
    </span>
  );
}
