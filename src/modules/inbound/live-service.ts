import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { acquireLease, releaseLease } from '../../jobs/lease.js';
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

export interface InboxLive {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Takes (or renews) the lease, then starts the streams of newly connected accounts and ends those of gone ones. */
  refresh(): Promise<void>;
  /** Accounts whose stream runs in this process now. */
  streaming(): string[];
  isLeader(): boolean;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

const byContext = new WeakMap<AppContext, InboxLive>();

/** The live service of this process, when its worker role runs one. */
export const inboxLiveOf = (ctx: AppContext): InboxLive | undefined => byContext.get(ctx);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Real time for the inbox: one process of the cluster (the lease holder) runs `streamInbox` for every connected
 * account whose network has it, restarting a failed stream with backoff. Items go through the same pipeline as
 * polls, which de-duplicates, so polling stays on as the safety net. Which way each account is fed is recorded
 * in inbox_sources.live.
 */
export function createInboxLive(ctx: AppContext, options: { refreshMs?: number; holderId?: string; maxBackoffMs?: number } = {}): InboxLive {
  const refreshMs = options.refreshMs ?? 60_000;
  const leaseMs = refreshMs * 3;
  const maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
  const holder = options.holderId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const streams = new Map<string, Running>();
  /** Accounts whose stream the network refused, with when to try again. */
  const refused = new Map<string, number>();
  let leader = false;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let refreshing: Promise<void> | null = null;

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
      await sleep(Math.round(wait * (0.75 + Math.random() * 0.5)), signal);
    }
  };

  const startStream = (account: InboundAccount, connector: Connector) => {
    const controller = new AbortController();
    const done = run(account, connector, controller.signal)
      .catch((err: unknown) => ctx.log.error({ event: 'inbound.stream_stopped', accountId: account.id, err }, 'inbox stream stopped'))
      .finally(() => streams.delete(account.id));
    streams.set(account.id, { controller, done });
  };

  const endStream = async (accountId: string) => {
    const s = streams.get(accountId);
    if (!s) return;
    s.controller.abort();
    await s.done;
    await setLive(accountId, null).catch(() => {});
  };

  const doRefresh = async () => {
    leader = await acquireLease(ctx.store.db, INBOX_LIVE_LEASE, holder, ctx.clock.now(), leaseMs);
    if (!leader || !running) {
      await Promise.all([...streams.keys()].map(endStream));
      return;
    }
    const accounts = await ctx.store.db
      .selectFrom('social_accounts')
      .select(['id', 'workspace_id', 'network', 'credentials'])
      .where('status', '=', 'connected')
      .execute();
    const wanted = new Set<string>();
    for (const account of accounts) {
      if (streams.has(account.id)) {
        wanted.add(account.id);
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
      wanted.add(account.id);
      startStream({ id: account.id, workspace_id: account.workspace_id, network: account.network }, connector);
    }
    await Promise.all([...streams.keys()].filter((id) => !wanted.has(id)).map(endStream));
  };

  const refresh = () => {
    // One refresh at a time: a timer tick and a test's call share the one under way.
    refreshing ??= doRefresh().finally(() => (refreshing = null));
    return refreshing;
  };

  const loop = async () => {
    timer = null;
    try {
      await refresh();
    } catch (err) {
      ctx.log.error({ event: 'inbound.live_refresh_failed', err }, 'inbox live refresh failed');
    }
    if (running) timer = setTimeout(() => void loop(), refreshMs);
  };

  const live: InboxLive = {
    refresh,
    streaming: () => [...streams.keys()],
    isLeader: () => leader,
    async start() {
      if (running) return;
      running = true;
      if (!byContext.has(ctx)) byContext.set(ctx, live);
      await loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await refreshing?.catch(() => {});
      await Promise.all([...streams.keys()].map(endStream));
      if (leader) await releaseLease(ctx.store.db, INBOX_LIVE_LEASE, holder).catch(() => {});
      leader = false;
      if (byContext.get(ctx) === live) byContext.delete(ctx);
    },
  };
  return live;
}
