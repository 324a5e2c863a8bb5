import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../src/shared/api.js';
import { api } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import type { Loaded } from '../../app/useLoad.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { useWhen } from '../../app/useWhen.js';
import { roleLabel } from '../../i18n/index.js';

interface Props {
  state: Loaded<{ items: InvitationView[] }>;
  onChanged: (message: string) => void;
}

export function PendingInvitations({ state, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const [revoking, setRevoking] = useState<InvitationView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = async (invitation: InvitationView) => {
    setRevoking(null);
    setError(null);
    try {
      await api.workspaceInvitations.revoke(workspace.workspaceId, invitation.id);
      onChanged(t('invitations.revoked', { email: invitation.email }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  const pending = state.status === 'ready' ? state.data.items.filter((i) => i.status === 'pending') : [];
  return (
    <section className="card" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('invitations.pendingTitle')}</h2>
      <ErrorAlert>{error}</ErrorAlert>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorAlert>{errorMessage(t, state.error)}</ErrorAlert> : null}
      {state.status === 'ready' && pending.length === 0 ? <p className="muted">{t('invitations.none')}</p> : null}
      {pending.length > 0 ? (
        <div className="table-wrap">
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t('common.email')}</th>
                <th scope="col">{t('common.role')}</th>
                <th scope="col">{t('invitations.invitedBy')}</th>
                <th scope="col">{t('invitations.expires')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{roleLabel(t, invitation.role)}</td>
                  <td><span className="cell-label">{t('invitations.invitedBy')} </span>{invitation.invitedBy}</td>
                  <td><span className="cell-label">{t('invitations.expires')} </span>{clock.date(invitation.expiresAt)}</td>
                  <td>
                    <button type="button" className="button button-small" aria-label={t('invitations.revokeFor', { email: invitation.email })} onClick={() => setRevoking(invitation)}>
                      {t('invitations.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('invitations.revokeTitle')}
          message={t('invitations.revokeConfirm', { email: revoking.email })}
          confirmLabel={t('invitations.revoke')}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
