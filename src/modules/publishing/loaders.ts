import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import { createBatcher, type Batcher } from '../../jobs/index.js';

/**
 * Reads for the publish job, grouped like its writes: the posts a worker starts in the same turn are read
 * with one query, not one each. `load(key)` resolves to that key's rows.
 */
function loader<Row>(read: (keys: string[]) => Promise<Row[]>, keyOf: (row: Row) => string) {
  const batcher: Batcher<{ key: string; rows?: Row[] }> = createBatcher(async (items) => {
    const byKey = new Map<string, Row[]>();
    for (const row of await read([...new Set(items.map((i) => i.key))])) {
      const list = byKey.get(keyOf(row));
      if (list) list.push(row);
      else byKey.set(keyOf(row), [row]);
    }
    for (const item of items) item.rows = byKey.get(item.key) ?? [];
  }, 500);
  return async (key: string): Promise<Row[]> => {
    const item: { key: string; rows?: Row[] } = { key };
    await batcher.add(item);
    return item.rows ?? [];
  };
}

export function readPosts(db: Kysely<Database>, ids: string[]) {
  return db
    .selectFrom('posts')
    .leftJoin('publishing_settings', 'publishing_settings.workspace_id', 'posts.workspace_id')
    .selectAll('posts')
    .select('publishing_settings.paused_at')
    .where('posts.id', 'in', ids)
    .execute();
}

/** The accounts of posts still to publish, with what publishing needs. */
export function readPendingTargets(db: Kysely<Database>, postIds: string[]) {
  return db
    .selectFrom('post_targets')
    .innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .innerJoin('social_accounts', 'social_accounts.id', 'post_targets.account_id')
    .innerJoin('workspaces', 'workspaces.id', 'posts.workspace_id')
    .leftJoin('campaigns', 'campaigns.id', 'posts.campaign_id')
    .select(['post_targets.id', 'post_targets.post_id', 'post_targets.status', 'post_targets.body as variant'])
    .select(['post_targets.attempts', 'post_targets.error_kind', 'post_targets.error_message'])
    .select(['posts.workspace_id', 'posts.body', 'posts.thread', 'posts.language', 'posts.scheduled_at', 'posts.network_options'])
    .select(['workspaces.locale as workspace_locale', 'campaigns.name as campaign_name'])
    .select(['campaigns.utm_enabled', 'campaigns.utm_source', 'campaigns.utm_medium', 'campaigns.utm_campaign'])
    .select((eb) => eb.selectFrom('post_media').select((m) => m.fn.countAll<number>().as('n')).whereRef('post_media.post_id', '=', 'posts.id').as('media_count'))
    .select([
      'social_accounts.id as account_id', 'social_accounts.network', 'social_accounts.credentials', 'social_accounts.handle',
      'social_accounts.status as account_status', 'social_accounts.status_message', 'social_accounts.last_ok_at',
    ])
    .where('post_targets.post_id', 'in', postIds)
    .where('post_targets.status', '=', 'pending')
    .execute();
}

export type PostToPublish = Awaited<ReturnType<typeof readPosts>>[number];
export type PendingTarget = Awaited<ReturnType<typeof readPendingTargets>>[number];

interface Loaders {
  post(id: string): Promise<PostToPublish | undefined>;
  pendingTargets(postId: string): Promise<PendingTarget[]>;
}

const byContext = new WeakMap<AppContext, Loaders>();

export function publishLoaders(ctx: AppContext): Loaders {
  let l = byContext.get(ctx);
  if (!l) {
    const posts = loader((ids) => readPosts(ctx.store.db, ids), (r) => r.id);
    const targets = loader((ids) => readPendingTargets(ctx.store.db, ids), (r) => r.post_id);
    l = { post: async (id) => (await posts(id))[0], pendingTargets: targets };
    byContext.set(ctx, l);
  }
  return l;
}
