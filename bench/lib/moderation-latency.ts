import crypto from 'node:crypto';
import type { AppContext } from '../../src/context.js';
import type { Connector, InboundItem, PostRef } from '../../src/connectors/types.js';
import { createJobRunner } from '../../src/jobs/index.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';

export interface ModerationLatencyFigures {
  items: number;
  acted: number;
  /** From an item's arrival at Ruche (handed to the pipeline) to its rule's action reaching the network. */
  ms: { p50: number; p95: number; p99: number; max: number };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * Arrival → action latency: replies arrive one by one (as a live stream delivers them) while a worker runs in
 * this process; a rule hides those with a keyword, and the time is taken when the network is asked to hide. The
 * network answers at once, so the figure is Ruche's own: pipeline, rules, job queue, wake-up, job.
 */
export async function measureModerationLatency(ctx: AppContext, options: { items?: number; gapMs?: number } = {}): Promise<ModerationLatencyFigures> {
  const total = options.items ?? 200;
  const gapMs = options.gapMs ?? 20;
  const hiddenAt = new Map<string, number>();
  const did = `did:plc:latency${Date.now()}`;
  const network: Connector = {
    network: 'bluesky', capabilities: new Set(['hideComment']),
    hideComment: async (_post: PostRef, comment: PostRef) => void hiddenAt.set(comment.id, performance.now()),
  } as unknown as Connector;
  ctx.connectors = { create: () => network };

  const db = ctx.store.db;
  const now = Date.now();
  const ws = crypto.randomUUID();
  await db.insertInto('workspaces').values({ id: ws, name: 'Latency bench', timezone: 'UTC', locale: 'en', created_by: 'bench', created_at: now } as never).execute();
  const accountId = crypto.randomUUID();
  await db.insertInto('social_accounts').values({
    id: accountId, workspace_id: ws, network: 'bluesky', external_id: did, handle: 'latency.test', display_name: 'Latency', service_url: 'https://local.test',
    credentials: ctx.sealer.seal(JSON.stringify({ network: 'bluesky' })), status: 'connected', status_message: null, timezone: 'UTC', created_by: 'bench',
    created_at: now, updated_at: now, last_ok_at: now,
  }).execute();
  await db.insertInto('moderation_rules').values({
    id: crypto.randomUUID(), workspace_id: ws, name: 'Hide slurs', position: 0, enabled: 1, conditions: JSON.stringify({ keywords: ['vermin'] }),
    actions: JSON.stringify([{ type: 'hide' }]), stop: 1, created_by: 'bench', created_at: now, updated_at: now,
  }).execute();
  // The defaults are not wanted here: the workspace has its rules.
  await db.withTables<{ moderation_settings: { workspace_id: string; rules_created_at: number; highlight_notified_week: string | null } }>()
    .insertInto('moderation_settings').values({ workspace_id: ws, rules_created_at: now, highlight_notified_week: null }).execute();

  const runner = createJobRunner(ctx.store, ctx.jobs.registry, { clock: ctx.clock });
  await runner.start();
  const arrivedAt = new Map<string, number>();
  const root = `at://${did}/app.bsky.feed.post/root`;
  try {
    for (let i = 0; i < total; i++) {
      const id = `at://did:plc:troll${i % 50}/app.bsky.feed.post/${crypto.randomBytes(6).toString('hex')}`;
      const item: InboundItem = {
        kind: 'reply', ref: { id, cid: 'c' }, text: i % 2 === 0 ? `you are vermin ${i}` : `thanks for the answer ${i}`, createdAt: new Date().toISOString(), url: null,
        author: { id: `did:plc:troll${i % 50}`, handle: `troll${i % 50}.test`, displayName: null, avatarUrl: null, followers: 3, createdAt: null },
        parent: { id: root, cid: 'r' }, root: { id: root, cid: 'r' }, conversationId: null, quoted: null, languages: ['en'], context: [],
      };
      if (i % 2 === 0) arrivedAt.set(id, performance.now());
      await ingestItems(ctx, { id: accountId, workspace_id: ws, network: 'bluesky' }, [item]);
      await new Promise((r) => setTimeout(r, gapMs));
    }
    const deadline = performance.now() + 30_000;
    while (hiddenAt.size < arrivedAt.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await runner.stop();
  }
  const ms = [...arrivedAt].flatMap(([id, at]) => (hiddenAt.has(id) ? [hiddenAt.get(id)! - at] : [])).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { items: arrivedAt.size, acted: ms.length, ms: { p50: round(quantile(ms, 0.5)), p95: round(quantile(ms, 0.95)), p99: round(quantile(ms, 0.99)), max: round(ms[ms.length - 1] ?? NaN) } };
}
