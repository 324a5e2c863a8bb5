import { useRef, useState, type FormEvent } from 'react';
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

/**
 * What the page knows of the invited address: nothing until the form is sent, since the preview does not
 * say whether it has an account (the inviter holds the link too); the server's answer tells the next step.
 */
type Step = 'either' | 'signIn' | 'create';

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, setSession } = useSession();
  const actions = useActions();
  const [step, setStep] = useState<Step>('either');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const signedIn = state.status === 'signedIn' ? state.session.user : null;
  const sameUser = !!signedIn && signedIn.email.toLowerCase() === preview.email.toLowerCase();

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
    // Said in the page's language with the focus on the field, rather than by the browser in its own.
    const gap = sameUser
      ? null
      : step === 'create' && !name.trim()
        ? { message: t('setup.needName'), field: nameInput }
        : !password
          ? { message: t('signin.needPassword'), field: passwordInput }
          : password.length < MIN_PASSWORD
            ? { message: t('setup.tooShort'), field: passwordInput }
            : null;
    if (gap) {
      setError(gap.message);
      gap.field.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input = sameUser ? {} : step === 'signIn' || !name.trim() ? { password } : { name: name.trim(), password };
      const session = await api.invitations.accept(token, input);
      setSession(session);
      const joined = session.memberships.find((m) => m.workspaceName === preview.workspaceName);
      navigate(joined ? workspacePath(joined.workspaceId) : '/', { replace: true });
    } catch (caught) {
      setBusy(false);
      const code = caught instanceof ApiError ? caught.code : null;
      if (code === 'name_required') {
        setStep('create');
        nameInput.current?.focus();
      } else if (code === 'invalid_credentials') {
        setStep('signIn');
        setPassword('');
        setError(t('invite.wrongPassword', { email: preview.email }));
        passwordInput.current?.focus();
      } else {
        setError(errorMessage(t, caught));
      }
    }
  };

  if (sameUser) {
    return (
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p>{t('invite.signedInAs', { email: preview.email })}</p>
        <ErrorAlert>{error}</ErrorAlert>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('invite.busy') : t('invite.join')}
        </button>
      </form>
    );
  }

  const intro = {
    either: t('invite.eitherAccount', { email: preview.email }),
    signIn: t('invite.existingAccount', { email: preview.email }),
    create: t('invite.newAccount', { email: preview.email }),
  }[step];
  const label = { either: t('invite.join'), signIn: t('invite.signInAndJoin'), create: t('invite.createAndJoin') }[step];
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      {/* A live region, so that the next step is read out when the server's answer changes it. */}
      <p role="status">{intro}</p>
      <ErrorAlert>{error}</ErrorAlert>
      {step !== 'signIn' ? (
        <TextField
          ref={nameInput}
          label={t('setup.name')}
          autoComplete="name"
          required={step === 'create'}
          hint={step === 'either' ? t('invite.nameHint') : undefined}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      ) : null}
      <TextField
        ref={passwordInput}
        label={t('common.password')}
        type="password"
        required
        autoComplete={step === 'create' ? 'new-password' : 'current-password'}
        hint={{ either: t('invite.passwordHint'), signIn: undefined, create: t('setup.passwordHint') }[step]}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
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
