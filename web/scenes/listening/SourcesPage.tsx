import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { listeningApi, type Source } from './api.js';
import { ListeningTabs } from './ListeningTabs.js';
import { SourceRow } from './SourceRow.js';
import { AddSourceForm } from './AddSourceForm.js';
import { OpmlImport } from './OpmlImport.js';
import { AlertSettings } from './AlertSettings.js';
import { listeningError } from './names.js';

/** What listening reads (feeds, Mastodon hashtags, Bluesky's network), each with its health, and where alerts go. */
export function SourcesPage() {
  const { t } = useTranslation();
  const id = useId();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canManage = workspace.can('listening.manage');
  const [list, reload] = useLoad(() => listeningApi.sources(wid), [wid]);
  const [deleting, setDeleting] = useState<Source | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sources = list.status === 'ready' ? list.data.items : [];
  const nameOf = (s: Source) => s.title || (s.tag ? `#${s.tag}` : s.url);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      setStatus(done);
      await reload();
    } catch (e) {
      setError(listeningError(t, e));
    }
  };

  return (
    <Page title={t('listening.sources.title')} lead={t('listening.sources.lead')}>
      <ListeningTabs />
      <div className="listening-area">
        <StatusMessage>{status}</StatusMessage>
        <ErrorAlert>{error}</ErrorAlert>
        <section aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>{t('listening.sources.listTitle')}</h2>
          <LoadStatus loaded={list} reload={reload} />
          {list.status === 'ready' && sources.length === 0 ? <p className="listening-empty">{t('listening.sources.empty')}</p> : null}
          {sources.length > 0 ? (
            <ul className="source-list">
              {sources.map((s) => (
                <SourceRow
                  key={s.id}
                  source={s}
                  canManage={canManage}
                  onPause={(paused) =>
                    void act(() => listeningApi.updateSource(wid, s.id, { status: paused ? 'paused' : 'active' }), t(paused ? 'listening.sources.pausedDone' : 'listening.sources.resumed', { name: nameOf(s) }))
                  }
                  onRead={() => void act(() => listeningApi.pollSource(wid, s.id), t('listening.sources.reading', { name: nameOf(s) }))}
                  onDelete={() => setDeleting(s)}
                />
              ))}
            </ul>
          ) : null}
        </section>
        {canManage ? (
          <section className="card" aria-labelledby={`${id}-add`}>
            <h2 id={`${id}-add`}>{t('listening.sources.add.title2')}</h2>
            <AddSourceForm workspaceId={wid} onAdded={(s) => void act(async () => s, t('listening.sources.added', { name: nameOf(s) }))} />
            <h3 className="opml-title">{t('listening.sources.opml.title')}</h3>
            <OpmlImport workspaceId={wid} onImported={() => void reload()} />
          </section>
        ) : null}
        <AlertSettings workspaceId={wid} canManage={canManage} />
      </div>
      {deleting ? (
        <ConfirmDialog
          title={t('listening.sources.deleteTitle')}
          message={t('listening.sources.deleteMessage', { name: nameOf(deleting) })}
          confirmLabel={t('listening.sources.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const s = deleting;
            setDeleting(null);
            void act(() => listeningApi.deleteSource(wid, s.id), t('listening.sources.deleted', { name: nameOf(s) }));
          }}
        />
      ) : null}
    </Page>
  );
}
