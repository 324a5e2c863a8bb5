import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../../app/useSubmit.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { Dialog } from '../../../components/ConfirmDialog.js';

const SUMMARY_MAX = 2000;

interface Props {
  publishingPaused: boolean;
  onConfirm: (input: { resumePublishing: boolean; summary?: string }) => Promise<void>;
  onClose: () => void;
}

/** Closing the room: whether publishing starts again, and a few words on how it ended for the log. */
export function CloseCrisisDialog({ publishingPaused, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [resume, setResume] = useState(publishingPaused);
  const [summary, setSummary] = useState('');
  const close = useSubmit(() => onConfirm({ resumePublishing: publishingPaused && resume, ...(summary.trim() ? { summary: summary.trim() } : {}) }));

  return (
    <Dialog title={t('crisis.close.title')} onClose={onClose} className="crisis-dialog" describedBy={`${id}-intro`}>
      <p id={`${id}-intro`}>{t('crisis.close.intro')}</p>
      <form className="form" onSubmit={close.onSubmit}>
        {publishingPaused ? (
          <div className="field">
            <label className="check">
              <input type="checkbox" checked={resume} aria-describedby={`${id}-resume-hint`} onChange={(e) => setResume(e.target.checked)} autoFocus />
              {t('crisis.close.resume')}
            </label>
            <p className="hint" id={`${id}-resume-hint`}>
              {resume ? t('crisis.close.resumeHint') : t('crisis.close.keepPausedHint')}
            </p>
          </div>
        ) : (
          <p className="muted">{t('crisis.close.notPaused')}</p>
        )}
        <div className="field">
          <label htmlFor={`${id}-summary`}>{t('crisis.close.summary')}</label>
          <textarea id={`${id}-summary`} rows={3} maxLength={SUMMARY_MAX} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </div>
        <ErrorAlert>{close.error}</ErrorAlert>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={close.busy}>
            {t('crisis.close.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
