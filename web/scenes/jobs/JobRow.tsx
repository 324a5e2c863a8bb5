import { useId } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../src/shared/api.js';
import { jobName, jobProgressText, jobState, jobWhen } from './describe.js';

export function JobRow({ job, workspaceId }: { job: JobView; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const state = jobState(job);
  const progress = job.progress;
  const ratio = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const progressText = jobProgressText(t, i18n.language, job);
  const name = jobName(t, job.type);
  const when = jobWhen(t, i18n.language, job);
  return (
    <tr>
      <th scope="row" id={`${id}-type`} className="job-name">
        {job.subject?.type === 'post' ? <Link to={`/w/${encodeURIComponent(workspaceId)}/calendar/posts/${encodeURIComponent(job.subject.id)}`}>{name}</Link> : name}
      </th>
      <td>
        <span className={`status-${job.status}`}>{t(`jobs.statuses.${state}`)}</span>
        {job.attempts > 1 || job.status === 'failed' ? (
          <div className="muted">{t('jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}</div>
        ) : null}
        {job.lastError ? <div className="job-error">{t('jobs.error', { message: job.lastError })}</div> : null}
      </td>
      <td>
        {ratio !== null ? <progress aria-labelledby={`${id}-type`} max={1} value={ratio} /> : null}
        {ratio === null && job.status === 'running' ? <progress aria-labelledby={`${id}-type`} /> : null}
        {progressText ? <div className="muted">{progressText}</div> : null}
      </td>
      <td className="job-when">{when}</td>
    </tr>
  );
}
