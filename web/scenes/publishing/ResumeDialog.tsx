import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishingSettingsView } from '../../../src/shared/api.js';
import { publishing, type OverdueAction } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { DateWords } from '../../components/DateWords.js';
import { DateTimeField } from '../../components/DateField.js';
import { errorMessage } from '../../lib/errors.js';
import { fromLocalInput, longInZone } from '../../lib/zoned.js';
import { excerpt } from './status.js';

interface ResumeDialogProps {
  overdue: PublishingSettingsView['overdue'];
  zone: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Resuming after a pause: each post whose time passed gets its own choice, none goes out unless asked. */
export function ResumeDialog({ overdue, zone, onDone, onCancel }: ResumeDialogProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [choices, setChoices] = useState<Record<string, { action: OverdueAction; at: string }>>(
    Object.fromEntries(overdue.map((p) => [p.id, { action: 'unschedule' as OverdueAction, at: '' }])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const opener = document.activeElement;
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const resume = async () => {
    setBusy(true);
    setError(null);
    try {
      const decisions = overdue.map((p) => {
        const c = choices[p.id];
        const at = c.action === 'reschedule' ? fromLocalInput(c.at, zone) ?? undefined : undefined;
        return { postId: p.id, action: c.action, at };
      });
      await publishing.settings.resume(workspace.workspaceId, { overdue: 'unschedule', decisions });
      onDone(t('crisis.resumed'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const set = (postId: string, change: Partial<{ action: OverdueAction; at: string }>) =>
    setChoices((all) => ({ ...all, [postId]: { ...all[postId], ...change } }));

  return (
    <dialog
      ref={dialog}
      className="dialog resume-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{t('crisis.resumeTitle')}</h2>
      <p>{overdue.length ? t('crisis.resumeIntro') : t('crisis.resumeNothing')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <ul className="overdue-list">
        {overdue.map((p) => (
          <li key={p.id}>
            <p>
              <strong>{excerpt(p.body, 80)}</strong>{' '}
              <span className="muted">{t('crisis.wasPlanned', { date: longInZone(p.scheduledAt, zone, i18n.language) })}</span>
            </p>
            <label>
              {t('crisis.choiceFor', { post: excerpt(p.body, 30) })}{' '}
              <select value={choices[p.id].action} onChange={(e) => set(p.id, { action: e.target.value as OverdueAction })}>
                <option value="unschedule">{t('crisis.keepUnscheduled')}</option>
                <option value="publish_now">{t('crisis.publishNow')}</option>
                <option value="reschedule">{t('crisis.rescheduleAt')}</option>
              </select>
            </label>
            {choices[p.id].action === 'reschedule' ? (
              <div className="field">
                <label htmlFor={`resume-${p.id}-at`}>{t('crisis.newTime', { zone })}</label>
                <DateTimeField
                  id={`resume-${p.id}-at`}
                  label={t('crisis.newTime', { zone })}
                  required
                  value={choices[p.id].at}
                  describedBy={`resume-${p.id}-words`}
                  onChange={(at) => set(p.id, { at })}
                />
                <DateWords id={`resume-${p.id}-words`} value={choices[p.id].at} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void resume()} disabled={busy}>
          {t('crisis.resumeConfirm')}
        </button>
      </div>
    </dialog>
  );
}
