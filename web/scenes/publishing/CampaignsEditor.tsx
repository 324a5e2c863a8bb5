import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { publishing, type CampaignInput } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { UserText } from '../../components/UserText.js';
import { dayRangeInZone } from '../../lib/format.js';
import { CampaignForm } from './CampaignForm.js';

interface CampaignsEditorProps {
  campaigns: CampaignView[];
  zone: string;
  onChanged: (message: string) => void;
}

/** Campaigns and strong moments: a period and a colour for the calendar, a goal, key hashtags and UTM tags. */
export function CampaignsEditor({ campaigns, zone, onChanged }: CampaignsEditorProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const canEdit = workspace.can('posts.write');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

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
  const create = (input: CampaignInput) => run(() => publishing.campaigns.create(workspace.workspaceId, input), t('campaigns.created', { name: showDirectionControls(input.name) }));
  const save = async (c: CampaignView, input: CampaignInput) => {
    const done = await run(() => publishing.campaigns.update(workspace.workspaceId, c.id, input), t('campaigns.saved', { name: showDirectionControls(input.name) }));
    if (done) setEditing(null);
    return done;
  };

  return (
    <section className="card" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">{t('campaigns.title')}</h2>
      <ErrorAlert>{error}</ErrorAlert>
      {campaigns.length === 0 ? <p className="muted">{t('campaigns.empty')}</p> : null}
      <ul className="post-list campaign-list">
        {campaigns.map((c) => (
          <li key={c.id}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" /> <strong><UserText>{c.name}</UserText></strong>{' '}
            <span className="muted">
              {dayRangeInZone(c.startsAt, c.endsAt, zone, i18n.language)} {c.goal}
            </span>{' '}
            {c.utm.enabled ? <span className="tag">{t('campaigns.utmOn')}</span> : null}{' '}
            {canEdit ? (
              <span className="cell-actions">
                <button type="button" className="button button-small" aria-label={t('campaigns.editFor', { name: showDirectionControls(c.name) })} aria-expanded={editing === c.id} onClick={() => setEditing(editing === c.id ? null : c.id)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="button button-small" aria-label={t('campaigns.deleteFor', { name: showDirectionControls(c.name) })} onClick={() => void run(() => publishing.campaigns.remove(workspace.workspaceId, c.id), t('campaigns.deleted', { name: showDirectionControls(c.name) }))}>
                  {t('common.delete')}
                </button>
              </span>
            ) : null}
            {editing === c.id ? <CampaignForm key={c.id} campaign={c} zone={zone} onSubmit={(input) => save(c, input)} onCancel={() => setEditing(null)} /> : null}
          </li>
        ))}
      </ul>
      {canEdit ? <CampaignForm zone={zone} onSubmit={create} /> : null}
    </section>
  );
}
