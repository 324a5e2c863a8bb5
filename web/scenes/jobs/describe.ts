/** How a job is told on the jobs page: its name, its state and the one time that matters for that state. */
import type { TFunction } from 'i18next';
import type { JobView } from '../../../src/shared/api.js';
import { formatPercent } from '../../lib/format.js';

/** "post.publish" → "postPublish", the key of its name under jobs.types. */
export const jobTypeKey = (type: string) => type.replace(/[._-](\w)/g, (_, c: string) => c.toUpperCase());

export function jobName(t: TFunction, type: string): string {
  return t(`jobs.types.${jobTypeKey(type)}`, { defaultValue: t('jobs.types.unknown') });
}

export type JobState = JobView['status'] | 'retrying';

export function jobState(job: JobView): JobState {
  return job.status === 'queued' && job.attempts > 0 ? 'retrying' : job.status;
}

/** A job not started yet has no start time: it says when it is due, or since when it waits; `at` writes a time. */
export function jobWhen(t: TFunction, at: (iso: string) => string, job: JobView): string | null {
  switch (jobState(job)) {
    case 'retrying':
      return t('jobs.retryAt', { time: at(job.runAt) });
    case 'queued':
      return Date.parse(job.runAt) > Date.parse(job.createdAt) + 1000 ? t('jobs.dueAt', { time: at(job.runAt) }) : t('jobs.queuedAt', { time: at(job.createdAt) });
    case 'running':
      return t('jobs.addedAt', { time: at(job.createdAt) });
    default:
      return job.finishedAt ? t('jobs.finishedAt', { time: at(job.finishedAt) }) : null;
  }
}

/** "3 of 10 · 30 % · Sending", with only the parts there are: no separator around a missing one. */
export function jobProgressText(t: TFunction, lang: string, job: JobView): string | null {
  const p = job.progress;
  const ratio = p && p.total > 0 ? Math.min(1, p.done / p.total) : null;
  const parts = [
    p && p.total > 0 ? t('jobs.progressOf', { done: p.done, total: p.total }) : null,
    ratio !== null ? formatPercent(ratio, lang) : null,
    p?.message ?? null,
  ].filter((x): x is string => Boolean(x));
  return parts.length ? parts.join(' · ') : null;
}
