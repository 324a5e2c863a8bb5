import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { readEnv } from './config/env.js';
import { envToConfig, type Config } from './config/config.js';
import { createContext, destroyContext, type AppContext, type ContextOverrides } from './context.js';
import { createJobRunner, createScheduler } from './jobs/index.js';
import { scheduledTasks } from './jobs-registry.js';
import { closeLiveHub } from './shared/live-hub.js';

export interface Ruche {
  ctx: AppContext;
  /** The base URL of the HTTP server, when this process runs the api role. */
  url: string | null;
  stop(): Promise<void>;
}

export interface StartOptions extends ContextOverrides {
  /** Environment variables; process.env when absent. */
  env?: Record<string, string | undefined>;
  config?: Config;
  webDir?: string;
}

/** Starts the roles named in config, in this process. Tests use it as main.ts does. */
export async function startRuche(options: StartOptions = {}): Promise<Ruche> {
  // What a role needs is loaded when this process runs it: a worker never loads the HTTP routes, nor the api its streams.
  const config = options.config ?? envToConfig(readEnv(options.env ?? process.env));
  const ctx = await createContext(config, options);
  const stops: Array<() => Promise<void>> = [];
  let url: string | null = null;
  try {
    if (config.roles.has('worker')) {
      const runner = createJobRunner(ctx.store, ctx.jobs.registry, {
        concurrency: config.workerConcurrency,
        leaseMs: config.jobLeaseMs,
        clock: ctx.clock,
        log: ctx.log,
      });
      await runner.start();
      ctx.runtime.runner = runner;
      stops.push(() => runner.stop());
      const [{ createInboxLive }, { createListeningLive }] = await Promise.all([
        import('./modules/inbound/live-service.js'),
        import('./modules/listening/stream-service.js'),
      ]);
      // Live inbox streams (firehose, streaming API) for the accounts whose network has them; one process leads.
      const inboxLive = createInboxLive(ctx);
      await inboxLive.start();
      stops.unshift(() => inboxLive.stop());
      // Listening's network streams (Jetstream, relay firehoses, Mastodon public streams); one process leads.
      const listeningLive = createListeningLive(ctx);
      await listeningLive.start();
      stops.unshift(() => listeningLive.stop());
    }
    if (config.roles.has('scheduler')) {
      const scheduler = createScheduler(ctx.store, ctx.jobs.queue, { clock: ctx.clock, tasks: scheduledTasks(config) });
      await scheduler.start();
      stops.push(() => scheduler.stop());
    }
    if (config.roles.has('api')) {
      const [{ createHttpApp }, { startAnswerReceiver }] = await Promise.all([import('./http/server.js'), import('./modules/tickets/inbound.js')]);
      const app = createHttpApp(ctx, { webDir: options.webDir });
      const server = await listen(app.fetch, config.port, config.host);
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
      url = `http://${host}:${port}`;
      // With PORT=0 the real port is known only now; links in invitations must carry it.
      if (config.publicUrlDerived) ctx.config.publicUrl = url;
      // The HTTP server stops first, so nothing new arrives while jobs drain.
      stops.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
      // Open notification and inbox streams would keep the server from closing: they end first.
      stops.unshift(() => closeLiveHub(ctx.store));
      // Departments' answers to tickets by e-mail, when INBOUND_SMTP_PORT is set.
      const answers = await startAnswerReceiver(ctx);
      if (answers) stops.unshift(() => answers.close());
    }
  } catch (err) {
    for (const stop of stops) await stop().catch(() => {});
    await destroyContext(ctx);
    throw err;
  }
  let stopped: Promise<void> | null = null;
  return {
    ctx,
    url,
    stop() {
      stopped ??= (async () => {
        for (const stop of stops) await stop();
        await destroyContext(ctx);
      })();
      return stopped;
    },
  };
}

/**
 * How long an idle kept-alive connection stays open. Node's default (5 s) is shorter than the idle timeouts of the
 * proxies and load balancers Ruche sits behind (60 s is common): a proxy reusing a connection just as Node closes
 * it gets a reset, which its user sees as a 502. A client whose request crosses Node's timer when the event loop
 * was busy gets the same reset. Longer than those, and said to clients in the Keep-Alive header.
 */
export const KEEP_ALIVE_MS = 65_000;

async function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<ServerType> {
  const { serve } = await import('@hono/node-server');
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      // Node requires the time allowed for a request's headers to outlast the keep-alive wait.
      server.headersTimeout = KEEP_ALIVE_MS + 1_000;
    }
    server.once('error', reject);
  });
}
