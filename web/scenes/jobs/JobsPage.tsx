import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { JobRow } from './JobRow.js';
import '../../styles/audit.css';

const REFRESH_MS = 3000;

export function JobsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [jobs, reload] = useLoad(() => api.jobs.list(wid), [wid]);
  const active = jobs.status === 'ready' && jobs.data.items.some((j) => j.status === 'queued' || j.status === 'running');
  // A progress column only when some work reports progress or is under way.
  const showProgress = jobs.status === 'ready' && jobs.data.items.some((j) => j.progress !== null || j.status === 'running');

  // Poll only while something is moving, so an idle page costs nothing.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, reload]);

  return (
    <Page title={t('jobs.title')} lead={t('jobs.intro')}>
      <section className="card">
        {jobs.status === 'loading' ? <Loading /> : null}
        {jobs.status === 'failed' ? <ErrorAlert>{errorMessage(t, jobs.error)}</ErrorAlert> : null}
        {jobs.status === 'ready' && jobs.data.items.length === 0 ? <p className="muted">{t('jobs.empty')}</p> : null}
        {jobs.status === 'ready' && jobs.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="log-table">
              <thead>
                <tr>
                  <th scope="col">{t('jobs.type')}</th>
                  <th scope="col">{t('jobs.status')}</th>
                  {showProgress ? <th scope="col">{t('jobs.progress')}</th> : null}
                  <th scope="col">{t('jobs.when')}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.data.items.map((job) => (
                  <JobRow key={job.id} job={job} workspaceId={wid} showProgress={showProgress} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
