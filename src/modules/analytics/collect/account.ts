import type { AppContext } from '../../../context.js';
import type { Connector } from '../../../connectors/types.js';
import { openConnector } from '../../accounts/open-connector.js';

export interface CollectedAccount {
  id: string;
  workspace_id: string;
  network: string;
  credentials: string;
  status: string;
  timezone: string;
}

/** A connected account with its workspace's time zone (the days of the rollup are the workspace's), or null. */
export async function loadAccount(ctx: AppContext, accountId: string): Promise<CollectedAccount | null> {
  const row = await ctx.store.db
    .selectFrom('social_accounts')
    .innerJoin('workspaces', 'workspaces.id', 'social_accounts.workspace_id')
    .select(['social_accounts.id', 'social_accounts.workspace_id', 'social_accounts.network', 'social_accounts.credentials', 'social_accounts.status', 'workspaces.timezone'])
    .where('social_accounts.id', '=', accountId)
    .executeTakeFirst();
  return row ?? null;
}

/** What the account's network can tell analytics; generic code asks for capabilities, never for a network. */
export interface MetricsReaders {
  connector: Connector;
  posts: boolean;
  account: boolean;
  ownPosts: boolean;
}

export function metricsReaders(ctx: AppContext, account: CollectedAccount): MetricsReaders {
  const connector = openConnector(ctx, account);
  const has = (cap: 'postMetrics' | 'accountMetrics' | 'readOwnPosts') => connector.capabilities.has(cap);
  return { connector, posts: has('postMetrics'), account: has('accountMetrics'), ownPosts: has('readOwnPosts') };
}
