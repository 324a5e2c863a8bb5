import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { api } from '../../api/client.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { reportsApi, type Report } from './api.js';
import { ReportRow } from './ReportRow.js';
import { Templates } from './Templates.js';
import './reports.css';

// While a report is made, the list asks for news this often.
const POLL_MS = 1500;

/** Generated reports, newest first, with their files and share links; the saved templates and their schedules. */
export function ReportsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const manage = workspace.can('reports.manage');
  const [loaded, reload] = useLoad(async () => {
    const [reports, settings] = await Promise.all([reportsApi.list(wid), api.workspaces.get(wid)]);
    return { items: reports.items, zone: settings.timezone };
  }, [wid]);
  const [removing, setRemoving] = useState<Report | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const working = loaded.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ?? false;

  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [working, reload]);

  const remove = async (r: Report) => {
    setRemoving(null);
    try {
      await reportsApi.remove(wid, r.id);
      setStatus(t('reports.removed', { title: r.title }));
      await reload();
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <Page title={t('reports.title')} lead={t('reports.lead')}>
      <div className="reports-area">
        <StatusMessage>{status}</StatusMessage>
        <ErrorAlert>{error}</ErrorAlert>
        {manage ? (
          <div className="reports-toolbar">
            <Link className="button button-primary" to={`${workspacePath(wid, 'reports')}/new`}>
              {t('reports.new')}
            </Link>
          </div>
        ) : null}
        <LoadStatus loaded={loaded} reload={reload} />
        {loaded.status === 'ready' ? (
          <section aria-labelledby="reports-list-title">
            <h2 id="reports-list-title">{t('reports.listTitle')}</h2>
            {loaded.data.items.length === 0 ? (
              <p className="muted">{manage ? t('reports.emptyManage') : t('reports.empty')}</p>
            ) : (
              <ul className="report-list">
                {loaded.data.items.map((r) => (
                  <ReportRow
                    key={r.id}
                    workspaceId={wid}
                    report={r}
                    zone={loaded.data.zone}
                    manage={manage}
                    onRemove={() => setRemoving(r)}
                  />
                ))}
              </ul>
            )}
          </section>
        ) : null}
        {manage ? (
          <Templates
            workspaceId={wid}
            onGenerated={(title) => {
              setStatus(t('reports.generating', { title }));
              void reload();
            }}
          />
        ) : null}
      </div>
      {removing ? (
        <ConfirmDialog
          title={t('reports.removeTitle')}
          message={t('reports.removeText', { title: removing.title })}
          confirmLabel={t('common.delete')}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </Page>
  );
}
