import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { encodeModel, loadModels, trainFromLabels, type LabeledText, type ModelName } from '../../analysis/index.js';
import { forgetWorkspaceAnalyzer } from './workspace-analyzer.js';
import { MODERATION_RETRAIN } from './job-names.js';

export const RetrainPayload = z.object({ workspaceId: z.string().min(1), requestedBy: z.string().nullable() });

/** A moderator's decision counts more than one row of the public data the shipped model learnt from. */
const DECISION_WEIGHT = 3;
const MAX_LABELS = 20_000;

/** Which shipped model a label teaches, and the label in that model's words. */
export function modelFor(category: string, language: string): ModelName | null {
  const fr = language === 'fr';
  if (category === 'hate') return fr ? 'hate-fr' : 'hate-en';
  if (category === 'offensive') return fr ? 'offensive-fr' : 'offensive-en';
  if (category === 'complaint') return 'complaint-en';
  if (category === 'sentiment') return fr ? 'sentiment-fr' : 'sentiment-en';
  return null;
}

/**
 * Retrains the workspace's models from its moderators' decisions, each starting from the shipped model, and
 * stores them; the workspace's analyzer uses them from then on. Reports its progress model by model.
 */
export function moderationRetrainJob(ctx: AppContext) {
  return defineJob({
    type: MODERATION_RETRAIN,
    version: 1,
    schema: RetrainPayload,
    maxAttempts: 2,
    timeoutMs: 15 * 60_000,
    run: async (p, job) => {
      const db = ctx.store.db;
      const labels = await db
        .selectFrom('moderation_labels').select(['text', 'language', 'category', 'label'])
        .where('workspace_id', '=', p.workspaceId).orderBy('created_at', 'desc').limit(MAX_LABELS).execute();
      const shipped = loadModels();
      const byModel = new Map<ModelName, LabeledText[]>();
      for (const l of labels) {
        const name = modelFor(l.category, l.language);
        if (!name) continue;
        const base = shipped[name];
        const label = l.label === 'no' ? base.labels[0] : l.label;
        if (!base.labels.includes(label)) continue;
        const list = byModel.get(name) ?? [];
        list.push({ text: l.text, label, weight: DECISION_WEIGHT });
        byModel.set(name, list);
      }
      const names = [...byModel.keys()];
      await job.progress(0, names.length + 1, 'labels read');
      let done = 0;
      for (const name of names) {
        if (job.signal.aborted) throw new Error('cancelled');
        const examples = byModel.get(name)!;
        const model = trainFromLabels(examples, shipped[name]);
        model.meta = { ...model.meta, workspaceExamples: examples.length };
        const now = ctx.clock.now();
        const row = { workspace_id: p.workspaceId, name, weights: Buffer.from(encodeModel(model)).toString('base64'), examples: examples.length, trained_by: p.requestedBy, trained_at: now };
        await db
          .insertInto('workspace_models').values(row)
          .onConflict((oc) => oc.columns(['workspace_id', 'name']).doUpdateSet({ weights: row.weights, examples: row.examples, trained_by: row.trained_by, trained_at: row.trained_at }))
          .execute();
        done++;
        await job.progress(done, names.length + 1, name);
        // Training is CPU work: let other jobs and requests through between models.
        await new Promise((r) => setImmediate(r));
      }
      forgetWorkspaceAnalyzer(p.workspaceId);
      await job.progress(names.length + 1, names.length + 1, 'done');
      return { models: names, labels: labels.length };
    },
  });
}
