import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../app/workspace.js';
import { useLoad } from '../../../app/useLoad.js';
import { api } from '../../../api/client.js';
import { Page } from '../../../components/Page.js';
import { LoadStatus } from '../../../components/LoadStatus.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { ErrorAlert, StatusMessage } from '../../../components/Alert.js';
import { errorMessage } from '../../../lib/errors.js';
import { analyticsApi, type Objective } from '../api.js';
import { AnalyticsTabs } from '../AnalyticsTabs.js';
import { ObjectiveCard } from './ObjectiveCard.js';
import { ObjectiveDialog } from './ObjectiveDialog.js';

/** Objectives per period, with their progress; members who set the strategy create, change and remove them. */
export function ObjectivesPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const manage = workspace.can('objectives.manage');
  const [loaded, reload] = useLoad(async () => {
    const [objectives, settings] = await Promise.all([analyticsApi.objectives.list(wid), api.workspaces.get(wid)]);
    return { items: objectives.items, zone: settings.timezone };
  }, [wid]);
  const [editing, setEditing] = useState<Objective | 'new' | null>(null);
  const [removing, setRemoving] = useState<Objective | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const remove = async (o: Objective) => {
    setRemoving(null);
    try {
      await analyticsApi.objectives.remove(wid, o.id);
      setStatus(t('analytics.objectives.removed', { name: o.name }));
      await reload();
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  const now = Date.now();
  const items = loaded.data?.items ?? [];
  const current = items.filter((o) => new Date(o.periodEnd).getTime() > now);
  const past = items.filter((o) => new Date(o.periodEnd).getTime() <= now);
  const zone = loaded.data?.zone ?? 'UTC';
  const actions = (o: Objective) =>
    manage ? (
      <div className="objective-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => setEditing(o)}
          aria-label={t('analytics.objectives.editLabel', { name: o.name })}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          onClick={() => setRemoving(o)}
          aria-label={t('analytics.objectives.removeLabel', { name: o.name })}
        >
          {t('common.delete')}
        </button>
      </div>
    ) : null;

  return (
    <Page title={t('analytics.objectives.title')} lead={t('analytics.objectives.lead')}>
      <AnalyticsTabs />
      <div className="listening-area analytics-area">
        <StatusMessage>{status}</StatusMessage>
        <ErrorAlert>{error}</ErrorAlert>
        {manage ? (
          <div className="listening-toolbar">
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              {t('analytics.objectives.new')}
            </button>
          </div>
        ) : null}
        <LoadStatus loaded={loaded} reload={reload} />
        {loaded.status === 'ready' && items.length === 0 ? (
          <p className="muted">{manage ? t('analytics.objectives.emptyManage') : t('analytics.objectives.empty')}</p>
        ) : null}
        {current.length > 0 ? (
          <section>
            <h2>{t('analytics.objectives.current')}</h2>
            <ul className="objective-list">
              {current.map((o) => (
                <ObjectiveCard key={o.id} objective={o} zone={zone} actions={actions(o)} />
              ))}
            </ul>
          </section>
        ) : null}
        {past.length > 0 ? (
          <section>
            <h2>{t('analytics.objectives.past')}</h2>
            <ul className="objective-list">
              {past.map((o) => (
                <ObjectiveCard key={o.id} objective={o} zone={zone} actions={actions(o)} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      {editing && loaded.status === 'ready' ? (
        <ObjectiveDialog
          workspaceId={wid}
          zone={zone}
          objective={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(o) => {
            setEditing(null);
            setError(null);
            setStatus(
              t(editing === 'new' ? 'analytics.objectives.created' : 'analytics.objectives.saved', { name: o.name }),
            );
            void reload();
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('analytics.objectives.removeTitle')}
          message={t('analytics.objectives.removeText', {
            name: removing.name,
          })}
          confirmLabel={t('common.delete')}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </Page>
  );
}
