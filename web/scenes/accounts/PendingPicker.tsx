import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { useLoad } from '../../app/useLoad.js';
import { errorMessage } from '../../lib/errors.js';
import { networkName } from '../../lib/counters.js';
import { oauthConnect, type PendingTarget } from './oauth-api.js';

interface PendingPickerProps {
  workspaceId: string;
  pendingId: string;
  onConnected: (name: string) => void;
  onClose: () => void;
}

/** LinkedIn calls its pages organisations; the others' kinds are the networks' own words. */
const kindKey = (network: string, kind: string) => (network === 'linkedin' && kind === 'Page' ? 'organisation' : kind);

/**
 * Back from the network: what the token can reach (Pages, Instagram accounts, organisations, channels, boards).
 * Names and reasons come from the network, so they are shown as text only.
 */
export function PendingPicker({ workspaceId, pendingId, onConnected, onClose }: PendingPickerProps) {
  const { t } = useTranslation();
  const [pending] = useLoad(() => oauthConnect.pending(workspaceId, pendingId), [workspaceId, pendingId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const network = pending.status === 'ready' ? networkName(pending.data.network) : '';
  // A reason the interface does not know yet is shown in the server's English.
  const reasonOf = (target: PendingTarget) =>
    target.unavailableCode
      ? t(`connect.unavailableReason.${target.unavailableCode}`, { ...target.unavailableValues, defaultValue: target.unavailable })
      : target.unavailable;

  const choose = async (target: PendingTarget) => {
    setBusy(target.id);
    setError(null);
    try {
      await oauthConnect.choose(workspaceId, pendingId, target.id);
      onConnected(target.name);
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(null);
    }
  };

  return (
    <Dialog title={t('connect.pickerTitle', { network })} onClose={onClose} className="pending-picker">
      {pending.status === 'loading' ? <Loading /> : null}
      {pending.status === 'failed' ? <ErrorAlert>{errorMessage(t, pending.error)}</ErrorAlert> : null}
      {pending.status === 'ready' ? (
        <>
          <p>{pending.data.targets.length ? t('connect.pickerIntro', { network }) : t('connect.pickerNone')}</p>
          <ul className="pending-targets" role="list">
            {pending.data.targets.map((target) => (
              <li key={target.id} className={target.unavailable ? 'pending-target unavailable' : 'pending-target'}>
                <div>
                  <strong><UserText>{target.name}</UserText></strong>{' '}
                  <span className="muted"><UserText>{target.handle}</UserText></span>{' '}
                  <span className="tag">{t(`connect.kind.${kindKey(pending.data.network, target.kind)}`, { defaultValue: target.kind })}</span>
                  {target.unavailable ? <p className="hint" id={`why-${target.id}`}>{t('connect.unavailable', { reason: reasonOf(target) })}</p> : null}
                </div>
                <button
                  type="button"
                  className="button button-small button-primary"
                  disabled={Boolean(target.unavailable) || busy !== null}
                  aria-describedby={target.unavailable ? `why-${target.id}` : undefined}
                  onClick={() => void choose(target)}
                >
                  {t('connect.choose', { name: target.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorAlert>{error}</ErrorAlert>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
