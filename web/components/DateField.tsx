import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateWords } from './DateWords.js';

/*
 * Days and times typed the app language's way. The browser's own date and time fields follow the browser's language,
 * not the app's: an English browser shows "mm/dd/yyyy, --:-- AM" to a French member. These fields are plain text
 * fields that read and write the language's way; values stay the browser fields' own ("2026-12-31", "14:30",
 * "2026-12-31T14:30"), so forms and the server see no difference.
 */

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
  // A day pasted the ISO way ("2026-12-31") is read as such in every language.
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const numbers = iso ? [iso[1], iso[2], iso[3]] : trimmed.split(/[/.\-\s]+/);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d{1,4}$/.test(n))) return null;
  const value = {} as Record<Part, number>;
  (iso ? (['year', 'month', 'day'] as Part[]) : dateOrder(language)).forEach((p, i) => (value[p] = Number(numbers[i])));
  if (value.year < 100) value.year += 2000;
  if (value.year < 1000) return null;
  const d = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (d.getUTCFullYear() !== value.year || d.getUTCMonth() !== value.month - 1 || d.getUTCDate() !== value.day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * "14:30" (or "14:30:15") as the field shows it: on the 24-hour clock in both languages, as Ruche writes every time
 * (a planned hour must not be read twelve hours off); '' for nothing. "2:30 PM" is still understood when typed.
 */
export function showTime(value: string): string {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return '';
  return m[3] ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}`;
}

/**
 * A time as typed, in either clock whatever the language ("14:30", "14h30", "14 h", "2:30 PM", "2pm", "2:30 p.m."):
 * "HH:MM" (with ":SS" when seconds were typed), '' when empty, null when it is not a time.
 */
export function readTime(text: string): string | null {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  const m = /^(\d{1,2})(?:\s?[:h.]\s?(\d{2})?(?:[:.](\d{2}))?)?\s?(a\.?\s?m\.?|p\.?\s?m\.?)?$/.exec(trimmed);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const second = m[3];
  const period = m[4]?.[0];
  if (minute > 59 || (second !== undefined && Number(second) > 59)) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (period === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hour)}:${pad(minute)}${second !== undefined ? `:${second}` : ''}`;
}

/** The pattern shown as the time field's placeholder and hint. */
export function timePattern(t: (key: string) => string): string {
  return t('dates.timePattern24');
}

/**
 * What a member types into a day or time field, read back with `read` (null: not yet a valid entry) and written
 * with `show`. A valid entry is passed on as it is typed; on leaving the field, what is typed is written the
 * language's way, or marked wrong. Only an outside change (cleared filters, the picker, a new language) rewrites
 * what is typed.
 */
function useTypedValue(value: string, onChange: (next: string) => void, read: (text: string) => string | null, show: (value: string) => string, language: string) {
  const [text, setText] = useState(() => show(value));
  const [wrong, setWrong] = useState(false);
  useEffect(() => {
    if (read(text) !== value) {
      setText(show(value));
      setWrong(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, language]);
  return {
    text,
    wrong,
    typed(next: string) {
      setText(next);
      const parsed = read(next);
      if (parsed !== null) {
        setWrong(false);
        if (parsed !== value) onChange(parsed);
      }
    },
    left() {
      const parsed = read(text);
      setWrong(parsed === null);
      if (parsed) setText(show(parsed));
    },
  };
}

interface DayProps {
  id: string;
  /** The field's label, for the calendar button's name ("Choose the date (From)"). The caller renders the label. */
  label: string;
  value: string;
  onChange: (iso: string) => void;
  min?: string;
  max?: string;
  disabled?: boolean;
  required?: boolean;
  /** More ids for aria-describedby (the date in words, an error), after the expected format. */
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A day typed in the app's language, with a calendar button that opens the browser's picker and writes its choice back
 * here. The hint under it says the expected format, and says it again when what was typed is not a day.
 */
export function DateField({ id, label, value, onChange, min, max, disabled, required, describedBy, invalid }: DayProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { text, wrong, typed, left } = useTypedValue(value, onChange, (x) => readDate(x, language), (v) => showDate(v, language), language);
  const picker = useRef<HTMLInputElement>(null);
  const hint = useId();
  const pattern = t('dates.datePattern');

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        lang={language}
        placeholder={pattern}
        value={text}
        disabled={disabled}
        required={required}
        aria-describedby={[hint, describedBy].filter(Boolean).join(' ')}
        aria-invalid={wrong || invalid || undefined}
        onChange={(e) => typed(e.target.value)}
        onBlur={left}
      />
      <button
        type="button"
        className="button button-small date-field-pick"
        aria-label={t('dates.pickDate', { field: label })}
        disabled={disabled}
        onClick={() => {
          try {
            picker.current?.showPicker?.();
          } catch {
            picker.current?.focus();
          }
        }}
      >
        <span aria-hidden="true">▦</span>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-field-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ''}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={hint} className={wrong ? 'date-field-hint is-wrong' : 'date-field-hint'}>
        {wrong ? t('dates.badDate', { pattern }) : t('dates.dateFormat', { pattern })}
      </span>
    </span>
  );
}

interface TimeProps {
  id: string;
  value: string;
  onChange: (time: string) => void;
  disabled?: boolean;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
  /** A name of its own, when no label points at the field. */
  ariaLabel?: string;
  /** In a row of fields (a queue's slots): the expected format is read to assistive technology but not shown, unless what was typed is wrong. */
  compact?: boolean;
}

/** A time of day, shown on the 24-hour clock in both languages; "2:30 PM", "14h30" or "2pm" are understood too. */
export function TimeField({ id, value, onChange, disabled, required, describedBy, invalid, ariaLabel, compact }: TimeProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { text, wrong, typed, left } = useTypedValue(value, onChange, readTime, showTime, language);
  const hint = useId();
  const pattern = timePattern(t);

  return (
    <span className="date-field time-field">
      <input
        id={id}
        type="text"
        autoComplete="off"
        lang={language}
        placeholder={pattern}
        value={text}
        disabled={disabled}
        required={required}
        aria-label={ariaLabel}
        aria-describedby={[hint, describedBy].filter(Boolean).join(' ')}
        aria-invalid={wrong || invalid || undefined}
        onChange={(e) => typed(e.target.value)}
        onBlur={left}
      />
      <span id={hint} className={wrong ? 'date-field-hint is-wrong' : compact ? 'visually-hidden' : 'date-field-hint'}>
        {wrong ? t('dates.badTime', { pattern }) : t('dates.timeFormat', { pattern })}
      </span>
    </span>
  );
}

/** A day and a time as one "2026-12-31T14:30" value (the browser's datetime-local value), '' until both are there. */
export function joinDateTime(day: string, time: string): string {
  return day && time ? `${day}T${time}` : '';
}

interface DayTimeProps extends Omit<DayProps, 'min' | 'max'> {
  /** The earliest day the calendar offers ("2026-12-31" or "2026-12-31T14:30"). */
  min?: string;
}

/**
 * A day and a time typed side by side, the app language's way, for a "2026-12-31T14:30" value. The caller's label
 * points at the day (by `id`); the time is named "<label>, time". The value is '' while either half is missing.
 */
export function DateTimeField({ id, label, value, onChange, min, disabled, required, describedBy, invalid }: DayTimeProps) {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => value.slice(0, 10));
  const [time, setTime] = useState(() => value.slice(11));

  useEffect(() => {
    if (value !== joinDateTime(day, time)) {
      setDay(value.slice(0, 10));
      setTime(value.slice(11));
    }
    // Only an outside change rewrites the halves; a half typed alone stays while the value is ''.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const change = (nextDay: string, nextTime: string) => {
    setDay(nextDay);
    setTime(nextTime);
    const next = joinDateTime(nextDay, nextTime);
    if (next !== value) onChange(next);
  };

  return (
    <span className="date-time-field">
      <DateField
        id={id}
        label={label}
        value={day}
        min={min?.slice(0, 10)}
        onChange={(d) => change(d, time)}
        disabled={disabled}
        required={required}
        describedBy={describedBy}
        invalid={invalid}
      />
      <TimeField
        id={`${id}-time`}
        ariaLabel={t('dates.timeOf', { field: label })}
        value={time}
        onChange={(next) => change(day, next)}
        disabled={disabled}
        required={required}
        describedBy={describedBy}
        invalid={invalid}
      />
    </span>
  );
}

/** A labelled day field with the day in words under it, for forms built of fields (campaigns, objectives). */
export function DayField({ label, value, onChange, min, max }: { label: string; value: string; onChange: (iso: string) => void; min?: string; max?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateField id={id} label={label} value={value} onChange={onChange} min={min} max={max} describedBy={`${id}-words`} />
      <DateWords id={`${id}-words`} value={value} />
    </div>
  );
}
