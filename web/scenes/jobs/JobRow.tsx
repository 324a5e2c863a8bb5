import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../src/shared/api.js';
import { formatDateTime, formatPercent } from '../../lib/format.js';

export function JobRow({ job }: { job: JobView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const progress = job.progress;
  const ratio = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const done = job.status === 'succeeded';
  return (
    <tr>
      <th scope="row" id={`${id}-type`} className="code">
        {job.type}
      </th>
      <td>
        <span className={`status-${job.status}`}>{t(`jobs.statuses.${job.status}`)}</span>
        {job.attempts > 1 || job.status === 'failed' ? (
          <div className="muted">{t('jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}</div>
        ) : null}
        {job.lastError ? <div className="status-failed">{t('jobs.error', { message: job.lastError })}</div> : null}
      </td>
      <td>
        {ratio !== null || done ? (
          <>
            <progress aria-labelledby={`${id}-type`} max={1} value={done ? 1 : ratio ?? 0} />
            <div className="muted">
              {progress ? t('jobs.progressOf', { done: progress.done, total: progress.total }) : null}
              {' · '}
              {formatPercent(done ? 1 : ratio ?? 0, i18n.language)}
              {progress?.message ? ` · ${progress.message}` : null}
            </div>
          </>
        ) : job.status === 'running' ? (
          <progress aria-labelledby={`${id}-type`} />
        ) : null}
      </td>
      <td>{formatDateTime(job.createdAt, i18n.language)}</td>
    </tr>
  );
}
