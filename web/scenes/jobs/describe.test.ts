import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../../i18n/bundles.js';
import type { JobView } from '../../../src/shared/api.js';
import { POST_PROCESSING, POST_PUBLISH } from '../../../src/modules/publishing/job-names.js';
import { PUBLISHING_SWEEP } from '../../../src/modules/publishing/sweep.js';
import { HOUSEKEEPING_PURGE } from '../../../src/modules/housekeeping/jobs.js';
import { NOTIFICATION_EMAIL } from '../../../src/modules/notifications/job-names.js';
import { jobName, jobProgressText, jobState, jobWhen } from './describe.js';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
const tEn = i18n.getFixedT('en');
const tFr = i18n.getFixedT('fr');
const at = (iso: string) => `<${iso}>`;

const job = (more: Partial<JobView>): JobView => ({
  id: 'j1', type: POST_PUBLISH, status: 'queued', attempts: 0, maxAttempts: 8, runAt: '2026-03-10T12:00:00.000Z', progress: null,
  lastError: null, createdAt: '2026-03-10T12:00:00.000Z', finishedAt: null, subject: null, ...more,
});

describe('jobs in words', () => {
  it('names every job type in both languages, and an unknown one as a task', () => {
    for (const type of [POST_PUBLISH, POST_PROCESSING, PUBLISHING_SWEEP, HOUSEKEEPING_PURGE, NOTIFICATION_EMAIL]) {
      for (const t of [tEn, tFr]) {
        const name = jobName(t, type);
        expect(name, type).not.toBe(t('jobs.types.unknown'));
        expect(name, type).not.toContain(type);
      }
    }
    expect(jobName(tEn, POST_PUBLISH)).toBe('Publishing a post');
    expect(jobName(tFr, 'report.render')).toBe('Tâche en arrière-plan');
  });

  it('gives a job not started no start time: when it is due, or since when it waits', () => {
    expect(jobWhen(tEn, at, job({}))).toBe('Waiting since <2026-03-10T12:00:00.000Z>');
    expect(jobWhen(tEn, at, job({ runAt: '2026-03-11T09:00:00.000Z' }))).toMatch(/^Planned for /);
    const retry = job({ attempts: 2, runAt: '2026-03-10T12:05:00.000Z', lastError: 'network down' });
    expect(jobState(retry)).toBe('retrying');
    expect(tFr(`jobs.statuses.${jobState(retry)}`)).toBe('En attente d’un nouvel essai');
    expect(jobWhen(tFr, at, retry)).toMatch(/^Prochain essai le /);
    expect(jobWhen(tEn, at, job({ status: 'succeeded', attempts: 1, finishedAt: '2026-03-10T12:01:00.000Z' }))).toMatch(/^Finished /);
    for (const status of ['queued', 'running'] as const) expect(jobWhen(tEn, at, job({ status }))).not.toMatch(/Start|Finish/);
  });

  it('shows only the parts of progress there are, with no stray separator', () => {
    expect(jobProgressText(tEn, 'en', job({ status: 'succeeded' }))).toBeNull();
    expect(jobProgressText(tEn, 'en', job({ status: 'running', progress: { done: 3, total: 10 } }))).toBe('3 of 10 · 30%');
    expect(jobProgressText(tFr, 'fr', job({ status: 'running', progress: { done: 0, total: 0, message: 'Préparation' } }))).toBe('Préparation');
  });
});
