import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeekStart, WorkspaceView } from '../../../../src/shared/api.js';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { SelectField, TextField } from '../../../components/Field.js';
import { TimeZonePicker } from '../../../components/TimeZonePicker.js';
import { errorMessage } from '../../../lib/errors.js';
import { isLocale, LOCALES } from '../../../lib/locale.js';

const WEEK_STARTS: readonly WeekStart[] = ['monday', 'sunday'];

interface GeneralSettingsProps {
  workspace: WorkspaceView;
  canEdit: boolean;
  onSaved: (workspace: WorkspaceView, message: string) => void;
}

/** Name, time zone, language of posts and first day of the week, saved together. */
export function GeneralSettings({ workspace, canEdit, onSaved }: GeneralSettingsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const [locale, setLocale] = useState(workspace.locale);
  const [weekStart, setWeekStart] = useState<WeekStart>(workspace.weekStart);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('workspaceSettings.nameNeeded'));
    setBusy(true);
    setError(null);
    try {
      const saved = await api.workspaces.update(workspace.id, { name: name.trim(), timezone, locale, weekStart });
      onSaved(saved, t('workspaceSettings.saved'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('workspaceSettings.general')}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorAlert>{error}</ErrorAlert>
        <fieldset className="plain-fieldset" disabled={!canEdit || busy}>
          <TextField label={t('workspaceSettings.name')} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          <TimeZonePicker label={t('workspaceSettings.timezone')} hint={t('workspaceSettings.timezoneHint')} value={timezone} onChange={setTimezone} disabled={!canEdit || busy} />
          <SelectField
            label={t('workspaceSettings.locale')}
            hint={t('workspaceSettings.localeHint')}
            value={locale}
            onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
            options={LOCALES.map((l) => ({ value: l, label: t(`lang.names.${l}`) }))}
          />
          <fieldset className="choice-group" aria-describedby={`${id}-week-hint`}>
            <legend>{t('workspaceSettings.weekStart')}</legend>
            {WEEK_STARTS.map((day) => (
              <label key={day} className="check">
                <input type="radio" name={`${id}-week`} value={day} checked={weekStart === day} onChange={() => setWeekStart(day)} />
                {t(`workspaceSettings.weekStarts.${day}`)}
              </label>
            ))}
            <p className="hint" id={`${id}-week-hint`}>
              {t('workspaceSettings.weekStartHint')}
            </p>
          </fieldset>
        </fieldset>
        {canEdit ? (
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('workspaceSettings.saving') : t('workspaceSettings.save')}
          </button>
        ) : null}
      </form>
    </section>
  );
}
