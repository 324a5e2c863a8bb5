import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '../../../src/shared/api.js';
import { api, ApiError } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { useLoad } from '../../app/useLoad.js';
import { useActions } from '../../app/actions.js';
import { AuthCard } from '../../components/AuthCard.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { roleLabel } from '../../i18n/index.js';
import { MIN_PASSWORD } from './SetupPage.js';

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, setSession } = useSession();
  const actions = useActions();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signedIn = state.status === 'signedIn' ? state.session.user : null;
  const sameUser = signedIn && signedIn.email.toLowerCase() === preview.email.toLowerCase();
  const mode = sameUser ? 'join' : preview.accountExists ? 'signIn' : 'create';

  if (signedIn && !sameUser) {
    return (
      <>
        <p>{t('invite.otherAccount', { signedIn: signedIn.email, email: preview.email })}</p>
        <button type="button" className="button" onClick={actions.signOut.run}>
          {actions.signOut.label}
        </button>
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'create' && password.length < MIN_PASSWORD) return setError(t('setup.tooShort'));
    setBusy(true);
    setError(null);
    try {
      const input = mode === 'join' ? {} : mode === 'signIn' ? { password } : { name: name.trim(), password };
      const session = await api.invitations.accept(token, input);
      setSession(session);
      const joined = session.memberships.find((m) => m.workspaceName === preview.workspaceName);
      navigate(joined ? workspacePath(joined.workspaceId) : '/', { replace: true });
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  };

  const intro = { join: t('invite.signedInAs', { email: preview.email }), signIn: t('invite.existingAccount', { email: preview.email }), create: t('invite.newAccount') }[mode];
  const label = { join: t('invite.join'), signIn: t('invite.signInAndJoin'), create: t('invite.createAndJoin') }[mode];
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <p>{intro}</p>
      <ErrorAlert>{error}</ErrorAlert>
      {mode === 'create' ? <TextField label={t('setup.name')} autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} /> : null}
      {mode !== 'join' ? (
        <TextField
          label={t('common.password')}
          type="password"
          required
          autoComplete={mode === 'create' ? 'new-password' : 'current-password'}
          hint={mode === 'create' ? t('setup.passwordHint') : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('invite.busy') : label}
      </button>
    </form>
  );
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { state } = useSession();
  const [preview] = useLoad(() => api.invitations.preview(token), [token]);

  if (preview.status === 'loading' || state.status === 'loading') return <AuthCard><Loading /></AuthCard>;
  if (preview.status === 'failed') {
    const missing = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <AuthCard>
        <Page title={t('invite.notFoundTitle')}>
          {missing ? <p>{t('invite.notFound')}</p> : <ErrorAlert>{errorMessage(t, preview.error)}</ErrorAlert>}
        </Page>
      </AuthCard>
    );
  }
  const p = preview.data;
  return (
    <AuthCard>
      <Page
        title={t('invite.title', { workspace: p.workspaceName })}
        lead={t('invite.summary', { invitedBy: p.invitedBy, email: p.email, workspace: p.workspaceName, role: roleLabel(t, p.role) })}
      >
        <AcceptForm token={token} preview={p} />
      </Page>
    </AuthCard>
  );
}
