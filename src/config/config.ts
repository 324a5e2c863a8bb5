import path from 'node:path';
import type { Env } from './env.js';

export type Role = 'api' | 'worker' | 'scheduler';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };
  roles: Set<Role>;
  publicUrl: string;
  /** True when PUBLIC_URL was not given: the address is then taken from where the server listens. */
  publicUrlDerived: boolean;
  secretKey?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Tickets' answers by e-mail: the reply address, the built-in receiver's port and the hosted endpoint's secret. */
  inboundMail: { replyAddress?: string; smtpPort?: number; smtpHost: string; secret?: string };
  sessionDays: number;
  workerConcurrency: number;
  /** How long a claimed job stays with its worker without a heartbeat: a dead worker's jobs wait this long. */
  jobLeaseMs: number;
  /** How often the inbox of each connected account is polled. */
  inboxPollMs: number;
  /** Bytes kept for inbox pages asked again while the data they show has not changed (0: none). */
  inboxPageMemoBytes: number;
  logLevel: Env['LOG_LEVEL'];
  /** Reverse proxies in front of us, each appending to X-Forwarded-For; 0 believes no such header. */
  trustProxy: number;
  /** Whether network addresses given by users may be on a private network (a local PDS, a company Mastodon). */
  allowPrivateNetworks: boolean;
}

/** Turns validated environment into the shape the rest of the code uses. */
export function envToConfig(env: Env): Config {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA }
      : { kind: 'sqlite', file: path.join(dataDir, 'ruche.sqlite') },
    roles: env.ROLES,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    publicUrlDerived: env.PUBLIC_URL === undefined,
    secretKey: env.SECRET_KEY,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    inboundMail: { replyAddress: env.MAIL_REPLY_ADDRESS, smtpPort: env.INBOUND_SMTP_PORT, smtpHost: env.INBOUND_SMTP_HOST, secret: env.INBOUND_MAIL_SECRET },
    sessionDays: env.SESSION_DAYS,
    workerConcurrency: env.WORKER_CONCURRENCY,
    jobLeaseMs: env.JOB_LEASE_SECONDS * 1000,
    inboxPollMs: env.INBOX_POLL_SECONDS * 1000,
    inboxPageMemoBytes: Math.round(env.INBOX_PAGE_MEMO_MB * 1024 * 1024),
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    allowPrivateNetworks: env.ALLOW_PRIVATE_NETWORKS,
  };
}
