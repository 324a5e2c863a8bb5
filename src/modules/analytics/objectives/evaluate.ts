import type { Selectable } from 'kysely';
import type { AnalyticsObjectiveTable } from '../../../store/analytics-schema.js';
import type { Reader } from '../scope.js';
import type { ObjectiveMetric, ObjectiveProgress } from '../types.js';
import { measure } from './measure.js';
import { objectiveProgress } from './progress.js';

export type ObjectiveRow = Selectable<AnalyticsObjectiveTable>;

/** Measures an objective so far (and its previous period when the target is relative) and says where it stands. */
export async function evaluateObjective(r: Reader, o: ObjectiveRow): Promise<ObjectiveProgress> {
  const start = Number(o.period_start);
  const end = Number(o.period_end);
  const terms = { metric: o.metric as ObjectiveMetric, comparison: o.comparison, target: Number(o.target), relative: Number(o.relative) === 1, periodStart: start, periodEnd: end };
  if (r.now < start) return objectiveProgress(terms, null, null, r.now);
  const what = { workspaceId: o.workspace_id, metric: terms.metric, network: o.network, accountId: o.account_id, topicId: o.topic_id };
  const [value, previous] = await Promise.all([
    measure(r, what, { start, end: Math.min(r.now, end) }),
    terms.relative ? measure(r, what, { start: start - (end - start), end: start }) : Promise.resolve(null),
  ]);
  return objectiveProgress(terms, value, previous, r.now);
}
