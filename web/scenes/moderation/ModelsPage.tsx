import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { moderation } from '../../api/moderation.js';
import type { JobView } from '../../../src/shared/api.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { useWhen } from '../../app/useWhen.js';
import { workspacePath } from '../../lib/areas.js';
import { jobProgressText } from '../jobs/describe.js';
import { ModerationNav } from './ModerationNav.js';
import { languageName } from './summary.js';
import { toIso } from './text.js';
import './moderation.css';

const POLL_MS = 1500;

/** "hate-fr" → "Hate (French)": a family and a language. */
function modelLabel(t: (k: string, o?: Record<string, unknown>) => string, name: string, lang: string): string {
  const [family, code] = name.split('-');
  const familyName = t(`moderation.models.families.${family}`, { defaultValue: family });
  return code ? t('moderation.models.nameIn', { family: familyName, language: languageName(code, lang) }) : familyName;
}

/** The workspace's models: when they were trained, on how many decisions, and a button to retrain them now. */
export function ModelsPage() {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canRetrain = workspace.can('moderation.rules');
  const [models, reload] = useLoad(() => moderation.models(wid), [wid]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const watching = jobId ?? (models.status === 'ready' ? models.data.jobId ?? null : null);

  // Follow the retraining like the background work page does, until it ends.
  useEffect(() => {
    if (!watching) return;
    let stop = false;
    const tick = async () => {
      try {
        const found = (await api.jobs.list(wid)).items.find((j) => j.id === watching) ?? null;
        if (stop) return;
        setJob(found);
        if (found && (found.status === 'succeeded' || found.status === 'failed' || found.status === 'cancelled')) {
          stop = true;
          setJobId(null);
          setStatus(found.status === 'succeeded' ? t('moderation.models.done') : t('moderation.models.failed', { message: found.lastError ?? '' }));
          await reload();
        }
      } catch {
        // The next tick tries again.
      }
    };
    void tick();
    const timer = setInterval(() => (stop ? clearInterval(timer) : void tick()), POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [watching, wid]);

  const retrain = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await moderation.retrain(wid);
      setJob(null);
      setJobId(started.jobId);
      setStatus(t('moderation.models.started'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const running = Boolean(watching) && (!job || job.status === 'queued' || job.status === 'running');
  const p = job?.progress;
  const ratio = p && p.total > 0 ? Math.min(1, p.done / p.total) : null;
  const last = models.status === 'ready' ? toIso(models.data.lastTrainedAt) : null;
  return (
    <Page title={t('moderation.models.title')} lead={t('moderation.models.intro')}>
      <ModerationNav />
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error}</ErrorAlert>
      {models.status === 'loading' ? <Loading /> : null}
      {models.status === 'failed' ? (
        <ErrorAlert>
          {errorMessage(t, models.error)}{' '}
          <button type="button" className="button button-small" onClick={() => void reload()}>
            {t('common.retry')}
          </button>
        </ErrorAlert>
      ) : null}
      {models.status === 'ready' ? (
        <>
          <section className="card" aria-labelledby="retrain">
            <h2 id="retrain">{t('moderation.models.retrainTitle')}</h2>
            <p>{last ? t('moderation.models.lastTrained', { time: clock.dateTime(last) }) : t('moderation.models.neverTrained')}</p>
            <p>{t('moderation.models.decisions', { count: models.data.decisions })}</p>
            {canRetrain ? (
              <button type="button" className="button button-primary" disabled={busy || running || models.data.decisions === 0} onClick={() => void retrain()}>
                {t('moderation.models.retrain')}
              </button>
            ) : (
              <p className="muted">{t('moderation.models.readOnly')}</p>
            )}
            {canRetrain && models.data.decisions === 0 ? <p className="hint">{t('moderation.models.noDecisions')}</p> : null}
            {watching ? (
              <div className="mod-job">
                <p id="retrain-progress">{t('moderation.models.progress')}</p>
                {ratio !== null ? <progress aria-labelledby="retrain-progress" max={1} value={ratio} /> : <progress aria-labelledby="retrain-progress" />}
                {job ? <p className="muted">{jobProgressText(t, i18n.language, job) ?? t(`jobs.statuses.${job.status}`)}</p> : null}
              </div>
            ) : null}
            <p>
              <Link to={workspacePath(wid, 'jobs')}>{t('moderation.models.allJobs')}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="models-list">
            <h2 id="models-list">{t('moderation.models.list')}</h2>
            {models.data.models.length === 0 ? (
              <p className="muted">{t('moderation.models.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="log-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('moderation.models.name')}</th>
                      <th scope="col">{t('moderation.models.examples')}</th>
                      <th scope="col">{t('moderation.models.trained')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {models.data.models.map((m) => (
                      <tr key={m.name}>
                        <th scope="row">{modelLabel(t, m.name, i18n.language)}</th>
                        <td>{m.examples}</td>
                        <td className="log-when">{clock.dateTime(toIso(m.trainedAt))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
