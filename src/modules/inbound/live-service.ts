import type { AppContext } from '../../context.js';
import { createLeasedStreams, type LeasedStreams } from '../../jobs/leased-streams.js';
import { pause } from '../../shared/pause.js';
import { requireCapability } from '../../connectors/capabilities.js';
import type { Connector } from '../../connectors/types.js';
import { isConnectorError } from '../../connectors/errors.js';
import { openConnector } from '../accounts/open-connector.js';
import { ingestItems, type InboundAccount } from './pipeline.js';
import { keepSetAsideLogged } from './set-aside.js';
import { ensureSource, keepStreamPosition, streamPosition } from './sources.js';

export const INBOX_LIVE_LEASE = 'inbox.live';

/**
 * A stream the network refused for good (a server without a streaming API, credentials refused) is not tried
 * again for this long: polling feeds the account meanwhile, and a restart of the worker tries again sooner.
 */
const REFUSED_RETRY_MS = 6 * 3600_000;

/** The inbox's streams: one per connected account whose network streams notifications, keyed by account id. */
export type InboxLive = LeasedStreams;

const byContext = new WeakMap<AppContext, InboxLive>();

/** The live service of this process, when its worker role runs one. */
export const inboxLiveOf = (ctx: AppContext): InboxLive | undefined => byContext.get(ctx);

/**
 * Real time for the inbox: one process of the cluster (the lease holder) runs `streamInbox` for every connected
 * account whose network has it, restarting a failed stream with backoff. Items go through the same pipeline as
 * polls, which de-duplicates, so polling stays on as the safety net. Which way each account is fed is recorded
 * in inbox_sources.live.
 */
export function createInboxLive(ctx: AppContext, options: { refreshMs?: number; holderId?: string; maxBackoffMs?: number } = {}): InboxLive {
  const maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
  /** Accounts whose stream the network refused, with when to try again. */
  const refused = new Map<string, number>();

  const setLive = async (accountId: string, live: string | null) => {
    await ctx.store.db.updateTable('inbox_sources').set({ live, updated_at: ctx.clock.now() }).where('account_id', '=', accountId).execute();
  };

  const run = async (account: InboundAccount, connector: Connector, signal: AbortSignal) => {
    const stream = requireCapability(connector, 'streamInbox', 'streamInbox');
    let failures = 0;
    while (!signal.aborted) {
      try {
        // Each start resumes where the last run of this account's stream stopped (this process's, or one before a restart).
        const resumeFrom = await streamPosition(ctx.store.db, account.id);
        await stream(
          {
            resumeFrom,
            position: (cursor) => keepStreamPosition(ctx.store.db, account, cursor, ctx.clock.now()),
            items: async (items) => {
              const result = await ingestItems(ctx, account, items);
              await keepSetAsideLogged(ctx, account, 'notifications', result.setAside);
            },
            live: async (mode) => {
              failures = 0;
              await ensureSource(ctx.store.db, account, 'notifications', ctx.clock.now());
              await setLive(account.id, mode);
            },
            error: (err) => ctx.log.warn({ event: 'inbound.stream_error', accountId: account.id, err }, 'inbox stream reported an error'),
          },
          signal,
        );
      } catch (err) {
        if (!signal.aborted && isConnectorError(err) && !err.retryable) {
          ctx.log.info({ event: 'inbound.stream_refused', accountId: account.id, err }, 'the network refused the inbox stream; polling feeds this account');
          refused.set(account.id, ctx.clock.now() + REFUSED_RETRY_MS);
          await setLive(account.id, null).catch(() => {});
          return;
        }
        if (!signal.aborted) ctx.log.warn({ event: 'inbound.stream_failed', accountId: account.id, err }, 'inbox stream failed; restarting it');
      }
      if (signal.aborted) break;
      await setLive(account.id, null).catch(() => {});
      const wait = Math.min(maxBackoffMs, 1000 * 2 ** Math.min(failures++, 20));
      await pause(Math.round(wait * (0.75 + Math.random() * 0.5)), signal);
    }
  };

  return createLeasedStreams<{ account: InboundAccount; connector: Connector }>(ctx, {
    lease: INBOX_LIVE_LEASE,
    refreshMs: options.refreshMs,
    holderId: options.holderId,
    refreshFailedEvent: 'inbound.live_refresh_failed',
    registry: byContext,
    async wanted(running) {
      const accounts = await ctx.store.db
        .selectFrom('social_accounts')
        .select(['id', 'workspace_id', 'network', 'credentials'])
        .where('status', '=', 'connected')
        .execute();
      const wanted = new Map<string, { account: InboundAccount; connector: Connector } | null>();
      for (const account of accounts) {
        if (running.has(account.id)) {
          wanted.set(account.id, null);
          continue;
        }
        if ((refused.get(account.id) ?? 0) > ctx.clock.now()) continue;
        let connector: Connector;
        try {
          connector = openConnector(ctx, account);
        } catch (err) {
          ctx.log.warn({ event: 'inbound.open_failed', accountId: account.id, err }, 'could not open the account’s connector');
          continue;
        }
        if (!connector.capabilities.has('streamInbox')) continue;
        wanted.set(account.id, { account: { id: account.id, workspace_id: account.workspace_id, network: account.network }, connector });
      }
      return wanted;
    },
    run: (accountId, { account, connector }, signal) =>
      run(account, connector, signal).catch((err: unknown) => ctx.log.error({ event: 'inbound.stream_stopped', accountId, err }, 'inbox stream stopped')),
    ended: (accountId) => setLive(accountId, null),
  });
}
