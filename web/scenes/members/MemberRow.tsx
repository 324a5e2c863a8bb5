import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../src/shared/api.js';
import { assignableRoles, isRole, type RoleName } from '../../../src/shared/permissions.js';
import { api } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../lib/errors.js';
import { useWhen } from '../../app/useWhen.js';
import { roleLabel } from '../../i18n/index.js';
import { UserText } from '../../components/UserText.js';
import { showDirectionControls } from '../../lib/bidi.js';

interface MemberRowProps {
  member: MemberView;
  isMe: boolean;
  onChanged: (message: string) => void;
}

export function MemberRow({ member, isMe, onChanged }: MemberRowProps) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const assignable = assignableRoles(workspace.role);
  // A member whose role is above ours (an owner seen by an admin) cannot be changed by us.
  const canEditRole = workspace.can('members.update') && !isMe && assignable.includes(member.role);
  const canRemove = workspace.can('members.remove') && !isMe && assignable.includes(member.role);
  const [role, setRole] = useState<RoleName>(member.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const run = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged(success);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const saveRole = () =>
    run(() => api.members.setRole(workspace.workspaceId, member.id, role), t('members.roleChanged', { name: showDirectionControls(member.name), role: roleLabel(t, role) }));

  const remove = () => {
    setConfirming(false);
    void run(() => api.members.remove(workspace.workspaceId, member.id), t('members.removed', { name: showDirectionControls(member.name) }));
  };

  return (
    <tr>
      <td>
        <UserText>{member.name}</UserText>
        {isMe ? <span className="muted"> ({t('common.you')})</span> : null}
      </td>
      <td>{member.email}</td>
      <td>
        {canEditRole ? (
          <div className="cell-actions">
            <select aria-label={t('members.roleOf', { name: showDirectionControls(member.name) })} value={role} onChange={(e) => isRole(e.target.value) && setRole(e.target.value)} disabled={busy}>
              {assignable.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(t, r)}
                </option>
              ))}
            </select>
            {role !== member.role ? (
              <button type="button" className="button button-small" aria-label={t('members.applyFor', { name: showDirectionControls(member.name) })} onClick={() => void saveRole()} disabled={busy}>
                {t('members.apply')}
              </button>
            ) : null}
          </div>
        ) : (
          roleLabel(t, member.role)
        )}
        {error ? (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
      <td>{clock.date(member.joinedAt)}</td>
      <td>
        {canRemove ? (
          <button type="button" className="button button-small" aria-label={t('members.removeFor', { name: showDirectionControls(member.name) })} onClick={() => setConfirming(true)} disabled={busy}>
            {t('members.remove')}
          </button>
        ) : null}
        {confirming ? (
          <ConfirmDialog
            title={t('members.removeTitle')}
            message={t('members.removeConfirm', { name: showDirectionControls(member.name), workspace: workspace.workspaceName })}
            confirmLabel={t('members.remove')}
            onConfirm={remove}
            onCancel={() => setConfirming(false)}
          />
        ) : null}
      </td>
    </tr>
  );
}
