import crypto from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Config } from './config/config.js';
import { loadSecretKey } from './config/secrets.js';
import { createSealer, type Sealer } from './config/crypto.js';
import { openStore, type Store } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { createAuth, migrateAuth, type Auth } from './auth/auth.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { createJobQueue, createJobRegistry, type JobQueue, type JobRegistry, type JobRunner } from './jobs/index.js';
import { systemClock, type Clock } from './shared/clock.js';
import { jobDefinitions } from './jobs-registry.js';
import type { ConnectorFactory } from './modules/accounts/connector-factory.js';
import { defaultConnectors } from './connectors/index.js';
import { createGuardedFetch, type GuardedFetch } from './net/guarded-fetch.js';
import { resetLinkSender } from './modules/session/password-reset.js';
import type { AddressPolicy } from './net/guarded-dispatcher.js';

/** Everything a route, a job or a command needs, built once from config. */
export interface AppContext {
  config: Config;
  log: Logger;
  clock: Clock;
  store: Store;
  auth: Auth;
  sealer: Sealer;
  mailer: Mailer;
  jobs: { queue: JobQueue; registry: JobRegistry };
  connectors: ConnectorFactory;
  /** The only fetch for addresses that users, feeds or networks gave us: private addresses refused, answers limited. */
  guardedFetch: GuardedFetch;
  instanceId: string;
  /** What this process runs, filled in by app.ts once the roles start. */
  runtime: { runner: JobRunner | null };
}

export interface ContextOverrides {
  clock?: Clock;
  log?: Logger;
  connectors?: ConnectorFactory;
  /** How outbound addresses are resolved and judged; tests play DNS tricks with it. */
  outbound?: Partial<AddressPolicy>;
}

export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const log = overrides.log ?? pino({ level: config.logLevel });
  const clock = overrides.clock ?? systemClock;
  const secret = loadSecretKey(config.dataDir, config.secretKey);
  const store = openStore(config.database);
  try {
    await migrateToLatest(store);
    const mailer = createMailer(config.smtpUrl, config.mailFrom);
    const sendResetLink = resetLinkSender({ config, mailer, log, db: store.db });
    const auth = await createAuth({ store, secret, baseUrl: config.publicUrl, sessionDays: config.sessionDays, sendResetLink });
    await migrateAuth(auth, store);
    const ctx: AppContext = {
      config,
      log,
      clock,
      store,
      auth,
      sealer: createSealer(secret),
      mailer,
      jobs: { queue: createJobQueue(store, { clock }), registry: createJobRegistry([]) },
      connectors: overrides.connectors ?? defaultConnectors,
      guardedFetch: createGuardedFetch({ allowPrivateNetworks: config.allowPrivateNetworks, policy: overrides.outbound }),
      instanceId: crypto.randomUUID().slice(0, 8),
      runtime: { runner: null },
    };
    // Jobs close over the context they run in, so the registry comes last.
    const registry = createJobRegistry(jobDefinitions(ctx));
    ctx.jobs = { queue: createJobQueue(store, { clock, registry }), registry };
    return ctx;
  } catch (err) {
    await store.destroy();
    throw err;
  }
}

export async function destroyContext(ctx: AppContext): Promise<void> {
  ctx.mailer.close();
  await ctx.guardedFetch.close();
  await ctx.store.destroy();
}
