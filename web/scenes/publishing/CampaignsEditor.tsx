import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { TextField } from '../../components/Field.js';
import { errorMessage } from '../../lib/errors.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { UserText } from '../../components/UserText.js';
import { fromLocalInput, toLocalInput } from '../../lib/zoned.js';

interface CampaignsEditorProps {
  campaigns: CampaignView[];
  zone: string;
  onChanged: (message: string) => void;
}

const blank = { name: '', color: '#d98e04', goal: '', hashtags: '', startsOn: '', endsOn: '' };

/** Campaigns and strong moments: a period and a colour for the calendar, a goal and key hashtags. */
export function CampaignsEditor({ campaigns, zone, onChanged }: CampaignsEditorProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const canEdit = workspace.can('posts.write');
  const [form, setForm] = useState(blank);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof blank) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const day = (iso: string | null) => toLocalInput(iso, zone).slice(0, 10);

  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await work();
      onChanged(message);
      return true;
    } catch (caught) {
      setError(errorMessage(t, caught));
      return false;
    }
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: form.name.trim(),
      color: form.color,
      goal: form.goal.trim(),
      hashtags: form.hashtags.split(/[\s,]+/).map((h) => h.replace(/^#/, '')).filter(Boolean),
      startsAt: form.startsOn ? fromLocalInput(`${form.startsOn}T00:00`, zone) : null,
      endsAt: form.endsOn ? fromLocalInput(`${form.endsOn}T23:59`, zone) : null,
    };
    if (await run(() => publishing.campaigns.create(workspace.workspaceId, input), t('campaigns.created', { name: showDirectionControls(input.name) }))) setForm(blank);
  };

  return (
    <section className="card" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">{t('campaigns.title')}</h2>
      <ErrorAlert>{error}</ErrorAlert>
      {campaigns.length === 0 ? <p className="muted">{t('campaigns.empty')}</p> : null}
      <ul className="post-list">
        {campaigns.map((c) => (
          <li key={c.id}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" /> <strong><UserText>{c.name}</UserText></strong>{' '}
            <span className="muted">
              {[day(c.startsAt), day(c.endsAt)].filter(Boolean).join(' → ')} {c.goal}
            </span>{' '}
            {canEdit ? (
              <button type="button" className="button button-small" onClick={() => void run(() => publishing.campaigns.remove(workspace.workspaceId, c.id), t('campaigns.deleted', { name: showDirectionControls(c.name) }))}>
                {t('campaigns.deleteFor', { name: showDirectionControls(c.name) })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form className="form" onSubmit={(e) => void create(e)}>
          <h3>{t('campaigns.new')}</h3>
          <TextField label={t('campaigns.name')} required value={form.name} onChange={set('name')} />
          <TextField label={t('campaigns.color')} type="color" value={form.color} onChange={set('color')} />
          <TextField label={t('campaigns.goal')} value={form.goal} onChange={set('goal')} />
          <TextField label={t('campaigns.hashtags')} hint={t('campaigns.hashtagsHint')} value={form.hashtags} onChange={set('hashtags')} />
          <TextField label={t('campaigns.startsOn')} type="date" value={form.startsOn} onChange={set('startsOn')} />
          <TextField label={t('campaigns.endsOn')} type="date" value={form.endsOn} onChange={set('endsOn')} />
          <button type="submit" className="button button-primary">
            {t('campaigns.create')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
