import { z } from '@hono/zod-openapi';
import { OBJECTIVE_METRICS } from '../types.js';

const DAY_MS = 86_400_000;

export const ObjectiveProgressView = z.object({
  current: z.number().nullable(), forecast: z.number().nullable(), forecastMethod: z.string(), elapsed: z.number(),
  status: z.enum(['pending', 'on_track', 'behind', 'met', 'missed']),
}).openapi('ObjectiveProgress');

export const ObjectiveView = z.object({
  id: z.string(), name: z.string(), metric: z.enum(OBJECTIVE_METRICS), network: z.string().nullable(), accountId: z.string().nullable(),
  topicId: z.string().nullable(), comparison: z.enum(['at_least', 'at_most']), target: z.number(), relative: z.boolean(),
  periodStart: z.string(), periodEnd: z.string(), progress: ObjectiveProgressView, createdAt: z.string(),
}).openapi('Objective');

/** Metrics in percent: an absolute target for them lies between 0 and 100. */
const PERCENT_METRICS = new Set(['engagement_rate', 'response_rate', 'share_of_voice', 'positive_share']);

const fields = {
  name: z.string().trim().min(1).max(120),
  metric: z.enum(OBJECTIVE_METRICS),
  network: z.string().trim().min(1).max(40).nullable().optional(),
  accountId: z.string().min(1).max(64).nullable().optional(),
  topicId: z.string().min(1).max(64).nullable().optional(),
  comparison: z.enum(['at_least', 'at_most']),
  target: z.number().finite(),
  relative: z.boolean().optional(),
  periodStart: z.string().datetime({ offset: true }),
  periodEnd: z.string().datetime({ offset: true }),
};

export type ObjectiveFields = z.infer<z.ZodObject<typeof fields>>;

/** The rules an objective's whole definition must follow, checked on create and again after a change. */
export function objectiveProblems(o: ObjectiveFields): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const start = Date.parse(o.periodStart);
  const end = Date.parse(o.periodEnd);
  if (!(end > start)) problems.push({ path: 'periodEnd', message: 'The period must end after it starts.' });
  else if (end - start > 400 * DAY_MS) problems.push({ path: 'periodEnd', message: 'A period lasts at most 400 days.' });
  if (o.metric === 'share_of_voice' && !o.topicId) problems.push({ path: 'topicId', message: 'Share of voice is measured for one listening topic: choose it.' });
  if (o.relative) {
    if (o.target <= -100 || o.target > 10_000) problems.push({ path: 'target', message: 'A change in percent lies above −100 % and at most 10,000 %.' });
  } else if (o.metric === 'followers_gained') {
    if (Math.abs(o.target) > 1e9) problems.push({ path: 'target', message: 'This target is out of reach of any account.' });
  } else if (o.target < 0) {
    problems.push({ path: 'target', message: 'This figure is never below zero.' });
  } else if (PERCENT_METRICS.has(o.metric) && o.target > 100) {
    problems.push({ path: 'target', message: 'This figure is a percentage: at most 100.' });
  } else if (o.target > 1e12) {
    problems.push({ path: 'target', message: 'This target is out of reach.' });
  }
  return problems;
}

export const ObjectiveBody = z.object(fields).openapi('ObjectiveInput');
export const ObjectivePatch = z.object(fields).partial().openapi('ObjectivePatch');
export const ObjectiveParams = z.object({ workspaceId: z.string().min(1).max(64), objectiveId: z.string().min(1).max(64) });
