import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { slugify } from '../../../src/shared/utm.js';
import type { CampaignInput } from '../../api/publishing.js';
import { TextField } from '../../components/Field.js';
import { ErrorAlert } from '../../components/Alert.js';
import { DayField } from '../../components/DateField.js';
import { fromLocalInput, toLocalInput } from '../../lib/zoned.js';

interface CampaignFormProps {
  /** The campaign to edit, or none for a new one. */
  campaign?: CampaignView;
  zone: string;
  onSubmit: (input: CampaignInput) => Promise<boolean>;
  onCancel?: () => void;
}

const formOf = (c: CampaignView | undefined, day: (iso: string | null) => string) => ({
  name: c?.name ?? '',
  color: c?.color ?? '#d98e04',
  goal: c?.goal ?? '',
  hashtags: c?.hashtags.join(' ') ?? '',
  startsOn: day(c?.startsAt ?? null),
  endsOn: day(c?.endsAt ?? null),
  utmEnabled: c?.utm.enabled ?? false,
  utmSource: c?.utm.source ?? '',
  utmMedium: c?.utm.medium ?? 'social',
  utmCampaign: c?.utm.campaign ?? '',
});

/** A campaign's period, colour, goal, key hashtags and the UTM tags of its links; for a new one or to edit one. */
export function CampaignForm({ campaign, zone, onSubmit, onCancel }: CampaignFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const day = (iso: string | null) => toLocalInput(iso, zone).slice(0, 10);
  const [form, setForm] = useState(() => formOf(campaign, day));
  type Key = keyof typeof form;
  const set = (key: Key) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const slug = slugify(form.name) || 'campaign';
  const nameField = useRef<HTMLInputElement>(null);
  const [nameMissing, setNameMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Said beside the button in the app's language, with the focus on the name, rather than by the browser.
    setNameMissing(!form.name.trim());
    if (!form.name.trim()) return nameField.current?.focus();
    const done = await onSubmit({
      name: form.name.trim(),
      color: form.color,
      goal: form.goal.trim(),
      hashtags: form.hashtags.split(/[\s,]+/).map((h) => h.replace(/^#/, '')).filter(Boolean),
      startsAt: form.startsOn ? fromLocalInput(`${form.startsOn}T00:00`, zone) : null,
      endsAt: form.endsOn ? fromLocalInput(`${form.endsOn}T23:59`, zone) : null,
      utm: { enabled: form.utmEnabled, source: form.utmSource.trim(), medium: form.utmMedium.trim(), campaign: form.utmCampaign.trim() },
    });
    if (done && !campaign) setForm(formOf(undefined, day));
  };

  return (
    <form className="form campaign-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{campaign ? t('campaigns.editTitle', { name: campaign.name }) : t('campaigns.new')}</h3>
      <TextField ref={nameField} label={t('campaigns.name')} required value={form.name} onChange={set('name')} />
      <TextField label={t('campaigns.color')} type="color" value={form.color} onChange={set('color')} />
      <TextField label={t('campaigns.goal')} value={form.goal} onChange={set('goal')} />
      <TextField label={t('campaigns.hashtags')} hint={t('campaigns.hashtagsHint')} value={form.hashtags} onChange={set('hashtags')} />
      <DayField label={t('campaigns.startsOn')} value={form.startsOn} onChange={(startsOn) => setForm({ ...form, startsOn })} />
      <DayField label={t('campaigns.endsOn')} value={form.endsOn} min={form.startsOn || undefined} onChange={(endsOn) => setForm({ ...form, endsOn })} />
      <fieldset className="utm-settings">
        <legend>{t('campaigns.utm')}</legend>
        <label className="check">
          <input type="checkbox" checked={form.utmEnabled} aria-describedby={`${id}-utm-hint`} onChange={(e) => setForm({ ...form, utmEnabled: e.target.checked })} />
          {t('campaigns.utmEnabled')}
        </label>
        <p className="hint" id={`${id}-utm-hint`}>
          {t('campaigns.utmHint')}
        </p>
        {form.utmEnabled ? (
          <>
            <TextField label={t('campaigns.utmSource')} hint={t('campaigns.utmSourceHint')} value={form.utmSource} onChange={set('utmSource')} />
            <TextField label={t('campaigns.utmMedium')} value={form.utmMedium} onChange={set('utmMedium')} />
            <TextField label={t('campaigns.utmCampaign')} hint={t('campaigns.utmCampaignHint', { slug })} value={form.utmCampaign} onChange={set('utmCampaign')} />
          </>
        ) : null}
      </fieldset>
      <ErrorAlert>{nameMissing ? t('campaigns.nameNeeded') : null}</ErrorAlert>
      <div className="cell-actions">
        <button type="submit" className="button button-primary">
          {campaign ? t('campaigns.save') : t('campaigns.create')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('campaigns.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
