import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { fromLocalInput, toLocalInput } from '../../lib/zoned.js';
import { planTimeForDay } from './events.js';
import { DateWords } from '../../components/DateWords.js';
import { DateTimeField } from '../../components/DateField.js';

interface Props {
  zone: string;
  /** The post's text, to name what is being planned. */
  post: string;
  onPlan: (at: string) => Promise<void>;
  onCancel: () => void;
}

/** Planning a post from the keyboard: a date and time in the workspace's zone, never in the past. */
export function PlanForm({ zone, post, onPlan, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(() => {
    const now = Date.now();
    const today = DateTime.fromMillis(now, { zone });
    const at = planTimeForDay(today, zone, now) ?? planTimeForDay(today.plus({ days: 1 }), zone, now);
    return toLocalInput(at?.toISO() ?? null, zone);
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => document.getElementById(`${id}-at`)?.focus(), [id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = fromLocalInput(value, zone);
    if (!at) return setError(t('calendar.planPick'));
    if (Date.parse(at) <= Date.now()) return setError(t('errors.in_the_past'));
    setError(null);
    setBusy(true);
    onPlan(at).catch((caught: unknown) => {
      setBusy(false);
      setError(caught instanceof Error ? caught.message : String(caught));
    });
  };

  return (
    <form className="plan-form" noValidate aria-label={t('calendar.planPost', { post })} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label htmlFor={`${id}-at`}>{t('calendar.planAt', { zone })}</label>
      <DateTimeField
        id={`${id}-at`}
        label={t('calendar.planAt', { zone })}
        value={value}
        min={toLocalInput(new Date().toISOString(), zone)}
        onChange={setValue}
        invalid={Boolean(error)}
        describedBy={error ? `${id}-words ${id}-error` : `${id}-words`}
        required
      />
      <DateWords id={`${id}-words`} value={value} />
      {error ? (
        <p id={`${id}-error`} className="plan-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="plan-form-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {t('calendar.planSubmit')}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
