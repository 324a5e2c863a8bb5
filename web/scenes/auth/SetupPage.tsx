import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { AuthCard } from '../../components/AuthCard.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { isLocale } from '../../lib/locale.js';

export const MIN_PASSWORD = 10;

/** The first visitor creates the owner account and the first workspace. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const { setSession } = useSession();
  const [form, setForm] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.password.length < MIN_PASSWORD) {
      setError(t('setup.tooShort'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const locale = isLocale(i18n.language) ? i18n.language : undefined;
      setSession(await api.setup.createOwner({ ...form, name: form.name.trim(), email: form.email.trim(), workspaceName: form.workspaceName.trim(), locale }));
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  };

  return (
    <AuthCard>
      <Page title={t('setup.title')} lead={t('setup.intro')}>
        <form className="form" onSubmit={(e) => void submit(e)}>
          <ErrorAlert>{error}</ErrorAlert>
          <TextField label={t('setup.name')} autoComplete="name" required value={form.name} onChange={set('name')} />
          <TextField label={t('common.email')} type="email" autoComplete="email" required value={form.email} onChange={set('email')} />
          <TextField label={t('common.password')} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} hint={t('setup.passwordHint')} value={form.password} onChange={set('password')} />
          <TextField label={t('setup.workspaceName')} required hint={t('setup.workspaceHint')} value={form.workspaceName} onChange={set('workspaceName')} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('setup.busy') : t('setup.submit')}
          </button>
        </form>
      </Page>
    </AuthCard>
  );
}
