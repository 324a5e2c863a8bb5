import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { isConnectorError } from '../../connectors/errors.js';
import { openConnector } from '../accounts/open-connector.js';
import { parseQuery, queryTerms } from './query/index.js';
import { ingestPosts } from './ingest.js';
import { LISTENING_BACKFILL } from './job-names.js';

/** How far back a new topic is filled from the networks' search. */
export const BACKFILL_DAYS = 3;

/**
 * Fills a new (or rewritten) topic's last days from the search of the workspace's connected accounts whose network
 * offers one, where the server allows it: streams only bring what is said from now on. The words searched are the
 * query's positive terms; what comes back goes through the pipeline, which keeps only what the query matches.
 */
export function listeningBackfillJob(ctx: AppContext) {
  return defineJob({
    type: LISTENING_BACKFILL,
    version: 1,
    schema: z.object({ topicId: z.string().min(1) }),
    maxAttempts: 2,
    timeoutMs: 5 * 60_000,
    async run({ topicId }, job) {
      const { db } = ctx.store;
      const topic = await db.selectFrom('listening_topics').select(['id', 'workspace_id', 'query']).where('id', '=', topicId).where('archived_at', 'is', null).executeTakeFirst();
      if (!topic) return { skipped: 'gone' };
      let terms: string[];
      try {
        terms = queryTerms(parseQuery(topic.query)).filter((t) => !t.startsWith('@')).slice(0, 10);
      } catch {
        return { skipped: 'invalid query' };
      }
      const accounts = await db.selectFrom('social_accounts').select(['id', 'workspace_id', 'network', 'credentials'])
        .where('workspace_id', '=', topic.workspace_id).where('status', '=', 'connected').execute();
      const since = ctx.clock.now() - BACKFILL_DAYS * 86_400_000;
      const read: Record<string, unknown> = {};
      let done = 0;
      for (const account of accounts) {
        await job.progress(done++, accounts.length, account.network);
        let connector;
        try {
          connector = openConnector(ctx, account);
        } catch {
          continue;
        }
        if (!connector.capabilities.has('search') || !connector.searchPosts || read[account.network]) continue;
        try {
          const found = await connector.searchPosts(terms, since);
          if ('unavailable' in found) {
            read[account.network] = { unavailable: found.unavailable };
            continue;
          }
          const result = await ingestPosts(ctx, { workspaceId: topic.workspace_id, sourceId: null }, found.posts);
          read[account.network] = { found: found.posts.length, stored: result.stored.length, complete: found.complete };
        } catch (err) {
          if (!isConnectorError(err)) throw err;
          read[account.network] = { error: err.kind };
        }
      }
      await job.progress(accounts.length, accounts.length);
      return read;
    },
  });
}
