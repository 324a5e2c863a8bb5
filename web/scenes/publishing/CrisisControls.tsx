import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishingSettingsView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { longInZone } from '../../lib/zoned.js';
import { ResumeDialog } from './ResumeDialog.js';

interface CrisisControlsProps {
  settings: PublishingSettingsView;
  zone: string;
  onChanged: (message: string) => void;
}

/** The crisis switch: pause every scheduled post at once, and resume deciding what happens to the late ones. */
export function CrisisControls({ settings, zone, onChanged }: CrisisControlsProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const canManage = workspace.can('crisis.manage');
  const [confirming, setConfirming] = useState(false);
  const [resuming, setResuming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pause = async () => {
    setConfirming(false);
    setError(null);
    try {
      await publishing.settings.pause(workspace.workspaceId);
      // The banner that appears says it, in its live region: a success message as well would say it twice.
      onChanged('');
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <>
      {canManage && !settings.paused ? (
        <button type="button" className="button button-danger-quiet" onClick={() => setConfirming(true)}>
          {t('crisis.pause')}
        </button>
      ) : null}
      <div role="status" className="crisis-status">
        {settings.paused ? (
          <div className="alert alert-error crisis-banner">
            <p>
              <strong>{t('crisis.bannerTitle')}</strong>{' '}
              {t('crisis.bannerText', { date: longInZone(settings.pausedAt, zone, i18n.language) })}{' '}
              {settings.overdue.length ? t('crisis.overdueCount', { count: settings.overdue.length }) : null}
            </p>
            {canManage ? (
              <button type="button" className="button" onClick={() => setResuming(true)}>
                {t('crisis.resume')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {confirming ? (
        <ConfirmDialog
          title={t('crisis.pauseTitle')}
          message={t('crisis.pauseConfirm')}
          confirmLabel={t('crisis.pause')}
          onConfirm={() => void pause()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {resuming ? (
        <ResumeDialog
          overdue={settings.overdue}
          zone={zone}
          onDone={(message) => {
            setResuming(false);
            onChanged(message);
          }}
          onCancel={() => setResuming(false)}
        />
      ) : null}
    </>
  );
}
