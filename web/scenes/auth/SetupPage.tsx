import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { AuthCard } from '../../components/AuthCard.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { isLocale } from '../../lib/locale.js';
import { browserZone } from '../../lib/timezones.js';

export const MIN_PASSWORD = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type SetupForm = { name: string; email: string; password: string; workspaceName: string };

/** The first field a new owner still has to fill in, and what to tell them, or null when the form can go. */
function missing(form: SetupForm, t: (key: string, values?: Record<string, string>) => string): { field: keyof SetupForm; message: string } | null {
  if (!form.name.trim()) return { field: 'name', message: t('setup.needName') };
  const email = form.email.trim();
  if (!email) return { field: 'email', message: t('setup.needEmail') };
  if (!EMAIL.test(email)) return { field: 'email', message: t('setup.badEmail', { email }) };
  if (form.password.length < MIN_PASSWORD) return { field: 'password', message: t('setup.tooShort') };
  if (!form.workspaceName.trim()) return { field: 'workspaceName', message: t('setup.needWorkspace') };
  return null;
}

/** The first visitor creates the owner account and the first workspace. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const { setSession } = useSession();
  const [form, setForm] = useState<SetupForm>({ name: '', email: '', password: '', workspaceName: '' });
  const fields = { name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null), workspaceName: useRef<HTMLInputElement>(null) };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Said in the page's language, above the form, with the focus on the field to fill, rather than by the browser in its own.
    const gap = missing(form, t);
    if (gap) {
      setError(gap.message);
      fields[gap.field].current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const locale = isLocale(i18n.language) ? i18n.language : undefined;
      setSession(await api.setup.createOwner({ ...form, name: form.name.trim(), email: form.email.trim(), workspaceName: form.workspaceName.trim(), locale, timezone: browserZone() }));
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  };

  return (
    <AuthCard>
      <Page title={t('setup.title')} lead={t('setup.intro')}>
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <ErrorAlert>{error}</ErrorAlert>
          <TextField ref={fields.name} label={t('setup.name')} autoComplete="name" required value={form.name} onChange={set('name')} />
          <TextField ref={fields.email} label={t('common.email')} type="email" autoComplete="email" required value={form.email} onChange={set('email')} />
          <TextField ref={fields.password} label={t('common.password')} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} hint={t('setup.passwordHint')} value={form.password} onChange={set('password')} />
          <TextField ref={fields.workspaceName} label={t('setup.workspaceName')} required hint={t('setup.workspaceHint')} value={form.workspaceName} onChange={set('workspaceName')} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('setup.busy') : t('setup.submit')}
          </button>
        </form>
      </Page>
    </AuthCard>
  );
}
