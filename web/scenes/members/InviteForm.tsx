import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../src/shared/api.js';
import { assignableRoles, isRole, type RoleName } from '../../../src/shared/permissions.js';
import { api } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { SelectField, TextField } from '../../components/Field.js';
import { ErrorAlert } from '../../components/Alert.js';
import { CopyField } from '../../components/CopyField.js';
import { errorMessage } from '../../lib/errors.js';
import { roleLabel } from '../../i18n/index.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite by e-mail with a role; the answer's link is shown to copy, since e-mail may not be configured. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const roles = assignableRoles(workspace.role);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleName>(roles.includes('community_manager') ? 'community_manager' : roles[0] ?? 'client');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<InvitationView | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Said in the app's language, in the form, rather than by the browser in its own.
    if (!EMAIL.test(email.trim())) {
      setError(email.trim() ? t('invitations.badEmail', { email: email.trim() }) : t('invitations.needEmail'));
      setCreated(null);
      return;
    }
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const invitation = await api.workspaceInvitations.create(workspace.workspaceId, email.trim(), role);
      setCreated(invitation);
      setEmail('');
      onInvited();
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invitations.inviteTitle')}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorAlert>{error}</ErrorAlert>
        <TextField label={t('invitations.email')} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <SelectField
          label={t('invitations.role')}
          value={role}
          onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('invitations.busy') : t('invitations.submit')}
        </button>
      </form>
      {created ? (
        <div className="invite-result" role="status">
          <p className="alert alert-success">
            {t('invitations.created', { email: created.email })}{' '}
            {created.emailed ? t('invitations.emailed', { email: created.email }) : t('invitations.notEmailed', { email: created.email })}
          </p>
          {created.link ? <CopyField label={t('invitations.link')} value={created.link} /> : null}
        </div>
      ) : null}
    </section>
  );
}
