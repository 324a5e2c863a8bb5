import { z } from 'zod';

const roleName = z.enum(['api', 'worker', 'scheduler']);

/** Every environment variable Ruche reads, validated once at start-up. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded SQLite database)')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'letters, digits and underscores only')
    .optional(),
  ROLES: z
    .string()
    .default('api,worker,scheduler')
    .transform((v, ctx) => {
      const parts = v.split(',').map((s) => s.trim()).filter(Boolean);
      const roles = new Set<z.infer<typeof roleName>>();
      for (const p of parts) {
        const parsed = roleName.safeParse(p === 'all' ? 'api' : p);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `unknown role "${p}" (use api, worker, scheduler or all)` });
          return z.NEVER;
        }
        if (p === 'all') ['api', 'worker', 'scheduler'].forEach((r) => roles.add(r as never));
        else roles.add(parsed.data);
      }
      return roles;
    }),
  PUBLIC_URL: z.string().url().optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Ruche <ruche@localhost>'),
  /** Where departments answer tickets: replies+t-<token>@example.com reaches the ticket. Unset: answers come in the app only. */
  MAIL_REPLY_ADDRESS: z.email('an e-mail address such as replies@example.com').optional(),
  /** The port of the built-in SMTP receiver for those answers; unset, it does not start. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('0.0.0.0'),
  /** The secret a hosted inbound-mail service sends (Authorization: Bearer …) to POST /inbound/mail; unset, that endpoint is closed. */
  INBOUND_MAIL_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SESSION_DAYS: z.coerce.number().positive().max(365).default(7),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  JOB_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /** How often each connected account's inbox is polled (live streams, where a network has them, come on top). */
  INBOX_POLL_SECONDS: z.coerce.number().min(5).max(86_400).default(60),
  /** Memory kept for inbox pages asked again while nothing changed, in MB (0: none kept). */
  INBOX_PAGE_MEMO_MB: z.coerce.number().min(0).max(4096).default(32),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALLOW_PRIVATE_NETWORKS: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** How many reverse proxies stand in front of Ruche: the client address is that many hops from the right of X-Forwarded-For. */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx) => {
      if (v === 'true') return 1;
      if (v === 'false') return 0;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      ctx.addIssue({ code: 'custom', message: 'the number of reverse proxies in front of Ruche (0 for none, 1 for one, …)' });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

/** Reads the environment once; a bad value stops start-up with a message naming the variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = source[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
