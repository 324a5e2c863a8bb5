import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useSession, useSignedIn } from '../../app/session.js';
import { Page } from '../../components/Page.js';
import { SelectField, TextField } from '../../components/Field.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { isLocale, LOCALES, type Locale } from '../../lib/locale.js';
import { remembered } from '../../lib/storage.js';
import { browserZone } from '../../lib/timezones.js';
import { TimeZonePicker } from '../../components/TimeZonePicker.js';

export function NewWorkspacePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useSignedIn();
  const { refresh } = useSession();
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState(browserZone);
  const [locale, setLocale] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);

  if (!session.canCreateWorkspace) return <Page title={t('newWorkspace.title')} lead={t('newWorkspace.notAllowed')} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Said in the app's language, with the focus on the name, rather than by the browser in its own.
    if (!name.trim()) {
      setError(t('newWorkspace.needName'));
      nameField.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await api.workspaces.create({ name: name.trim(), timezone, locale });
      remembered.setLastWorkspace(created.id);
      await refresh();
      navigate(workspacePath(created.id));
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  };

  return (
    <Page title={t('newWorkspace.title')} lead={t('newWorkspace.intro')}>
      <form className="form card" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorAlert>{error}</ErrorAlert>
        <TextField ref={nameField} label={t('newWorkspace.name')} required value={name} onChange={(e) => setName(e.target.value)} />
        <TimeZonePicker label={t('newWorkspace.timezone')} value={timezone} onChange={setTimezone} />
        <SelectField
          label={t('newWorkspace.locale')}
          value={locale}
          onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
          options={LOCALES.map((l) => ({ value: l, label: t(`lang.names.${l}`) }))}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('newWorkspace.busy') : t('newWorkspace.submit')}
        </button>
      </form>
    </Page>
  );
}
