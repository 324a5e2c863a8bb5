import { useId } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../src/shared/api.js';
import { useWhen } from '../../app/useWhen.js';
import { jobName, jobProgressText, jobState, jobWhen } from './describe.js';

export function JobRow({ job, workspaceId, showProgress }: { job: JobView; workspaceId: string; showProgress: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const clock = useWhen();
  const state = jobState(job);
  const done = job.status === 'succeeded';
  const progress = job.progress;
  const ratio = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const progressText = jobProgressText(t, i18n.language, job);
  const name = jobName(t, job.type);
  return (
    <tr>
      <th scope="row" id={`${id}-type`}>
        {job.subject?.type === 'post' ? <Link to={`/w/${encodeURIComponent(workspaceId)}/calendar/posts/${encodeURIComponent(job.subject.id)}`}>{name}</Link> : name}
      </th>
      <td>
        <span className={`status-${job.status}`}>{t(`jobs.statuses.${state}`)}</span>
        {done && job.attempts > 1 ? <div className="muted">{t('jobs.attemptsTaken', { count: job.attempts })}</div> : null}
        {!done && (job.attempts > 1 || job.status === 'failed') ? (
          <div className="muted">{t('jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}</div>
        ) : null}
        {/* After a success, the error of an earlier attempt is history, not news. */}
        {job.lastError && !done ? <div className="job-error">{t('jobs.error', { message: job.lastError })}</div> : null}
      </td>
      {showProgress ? (
        <td>
          {ratio !== null ? <progress aria-labelledby={`${id}-type`} max={1} value={ratio} /> : null}
          {ratio === null && job.status === 'running' ? <progress aria-labelledby={`${id}-type`} /> : null}
          {progressText ? <div className="muted">{progressText}</div> : null}
        </td>
      ) : null}
      <td className="log-when">{jobWhen(t, clock.dateTime, job)}</td>
    </tr>
  );
}
