import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { oauthConnect, type OAuthNetworkView } from './oauth-api.js';

interface PermissionsDialogProps {
  workspaceId: string;
  network: OAuthNetworkView;
  onClose: () => void;
}

/** Before leaving for the network: the permissions it will ask for and why Ruche needs each. */
export function PermissionsDialog({ workspaceId, network, onClose }: PermissionsDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const french = i18n.language.startsWith('fr');

  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const { authorizeUrl } = await oauthConnect.start(workspaceId, network.network);
      window.location.assign(authorizeUrl);
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('connect.permissionsTitle', { network: network.name })} onClose={onClose} describedBy={`${id}-intro`}>
      <p id={`${id}-intro`}>{t('connect.permissionsIntro', { network: network.name })}</p>
      <ul className="scope-list">
        {network.scopes.map((s) => (
          <li key={s.scope}>
            <code>{s.scope}</code>
            {(french ? s.fr : s.en) ? <> — {french ? s.fr : s.en}</> : null}
          </li>
        ))}
      </ul>
      <p className="hint">{t('connect.permissionsAfter')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void go()} autoFocus>
          {busy ? t('accounts.connecting') : t('connect.continue', { network: network.name })}
        </button>
      </div>
    </Dialog>
  );
}
