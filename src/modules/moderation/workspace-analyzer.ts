import { analyzeWith, createAnalyzer, decodeModel, loadModels, MODEL_NAMES, type Analyzer, type ModelName, type ModelSet } from '../../analysis/index.js';
import { ModelBank } from '../../analysis/model/bank.js';
import { loadFastText, type LanguageIdentifier } from '../../analysis/language/fasttext.js';
import type { AppContext } from '../../context.js';

let shipped: Promise<Analyzer> | null = null;
let shippedModels: ModelSet | null = null;
let fasttext: Promise<LanguageIdentifier | undefined> | null = null;

interface Cached {
  analyzer: Promise<Analyzer>;
  /** What the workspace's models were when built: their latest training time and how many. */
  stamp: string;
  checkedAt: number;
}
const cache = new Map<string, Cached>();
const MAX_CACHED = 200;
/** How often a cached workspace checks whether another process retrained its models. */
export const MODEL_CHECK_MS = 3_000;

const isModelName = (name: string): name is ModelName => (MODEL_NAMES as readonly string[]).includes(name);

/**
 * The analyzer for one workspace's items: the shipped models, or the workspace's retrained ones where it has them.
 * Kept per workspace in this process; a cheap look at the models' training times (at most every few seconds)
 * picks up a retraining done by another process.
 */
export async function workspaceAnalyzer(ctx: AppContext, workspaceId: string): Promise<Analyzer> {
  shipped ??= createAnalyzer();
  const now = Date.now();
  const cached = cache.get(workspaceId);
  if (cached && now - cached.checkedAt < MODEL_CHECK_MS) return cached.analyzer;
  const stamp = await modelStamp(ctx, workspaceId);
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = now;
    return cached.analyzer;
  }
  const analyzer = stamp === '' ? shipped : build(ctx, workspaceId);
  if (cache.size >= MAX_CACHED && !cached) cache.delete(cache.keys().next().value!);
  cache.set(workspaceId, { analyzer, stamp, checkedAt: now });
  analyzer.catch(() => cache.delete(workspaceId));
  return analyzer;
}

/** Forgets a workspace's analyzer, after its models were retrained here. */
export function forgetWorkspaceAnalyzer(workspaceId: string): void {
  cache.delete(workspaceId);
}

async function modelStamp(ctx: AppContext, workspaceId: string): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('workspace_models')
    .select((eb) => [eb.fn.max('trained_at').as('latest'), eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const n = Number(row?.n ?? 0);
  return n === 0 ? '' : `${String(row?.latest)}:${n}`;
}

/** The shipped models, with the workspace's retrained ones in their place. */
export async function workspaceModels(ctx: AppContext, workspaceId: string): Promise<ModelSet> {
  shippedModels ??= loadModels();
  const rows = await ctx.store.db.selectFrom('workspace_models').select(['name', 'weights']).where('workspace_id', '=', workspaceId).execute();
  const overrides: Partial<ModelSet> = {};
  for (const r of rows) {
    if (!isModelName(r.name)) continue;
    try {
      overrides[r.name] = decodeModel(Buffer.from(r.weights, 'base64'));
    } catch (err) {
      ctx.log.warn({ err, workspaceId, model: r.name }, 'moderation: a retrained model could not be read; the shipped one is used');
    }
  }
  return { ...shippedModels, ...overrides };
}

async function build(ctx: AppContext, workspaceId: string): Promise<Analyzer> {
  const models = await workspaceModels(ctx, workspaceId);
  fasttext ??= loadFastText();
  const ft = await fasttext;
  const bank = new ModelBank(Object.values(models));
  return { models, analyze: (text, opts) => analyzeWith(models, ft, text, opts, bank) };
}
