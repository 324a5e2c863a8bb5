import type { ZodType } from 'zod';

export interface JobContext {
  jobId: string;
  type: string;
  attempt: number;
  workspaceId: string | null;
  /** Aborted when the job times out, loses its lease, is cancelled, or the runner stops without waiting. */
  signal: AbortSignal;
  /** Written to the job row so the UI can follow long work; at most every 250 ms, and always when done = total. */
  progress(done: number, total: number, message?: string): Promise<void>;
}

export interface JobOptions<P> {
  type: string;
  version: number;
  schema: ZodType<P>;
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
  timeoutMs?: number;
  /**
   * How long before it is due a runner may claim this job and hold it, so that a burst due at the same instant
   * (every post planned for 09:00:00) is read ahead and only sent at its time.
   */
  lookaheadMs?: number;
  /** Reads ahead what the jobs claimed early together will need; an optimisation, its failure is ignored. */
  warm?: (payloads: P[]) => Promise<void>;
  run: (payload: P, ctx: JobContext) => Promise<unknown>;
}

export type Prepared = { ok: true; run: (ctx: JobContext) => Promise<unknown> } | { ok: false; error: string };

/** A job type with its payload type erased: what the runner needs. */
export interface JobHandler {
  type: string;
  version: number;
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
  timeoutMs: number | null;
  lookaheadMs: number;
  /** Validates a stored payload; the payload type stays inside the closure. */
  prepare(payload: unknown): Prepared;
  /** Reads ahead for jobs claimed before they are due (payloads that do not validate are left out). */
  warm(payloads: unknown[]): Promise<void>;
}

export interface JobDefinition<P> extends JobHandler {
  schema: ZodType<P>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Exponential from 1 s, capped at one hour, with ±25% jitter so that a burst of failures does not retry in step. */
export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export function defineJob<P>(options: JobOptions<P>): JobDefinition<P> {
  return {
    type: options.type,
    version: options.version,
    schema: options.schema,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    backoffMs: options.backoffMs ?? defaultBackoffMs,
    timeoutMs: options.timeoutMs ?? null,
    lookaheadMs: options.lookaheadMs ?? 0,
    async warm(payloads) {
      if (!options.warm) return;
      const valid = payloads.flatMap((p) => {
        const parsed = options.schema.safeParse(p);
        return parsed.success ? [parsed.data] : [];
      });
      if (valid.length > 0) await options.warm(valid);
    },
    prepare(payload) {
      const parsed = options.schema.safeParse(payload);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        return { ok: false, error: `invalid payload for ${options.type} v${options.version}: ${issues.join('; ')}` };
      }
      return { ok: true, run: (ctx) => options.run(parsed.data, ctx) };
    },
  };
}

export interface JobRegistry {
  get(type: string): JobHandler | undefined;
  types(): string[];
}

export function createJobRegistry(handlers: readonly JobHandler[]): JobRegistry {
  const byType = new Map<string, JobHandler>();
  for (const h of handlers) {
    if (byType.has(h.type)) throw new Error(`job type ${h.type} is defined twice`);
    byType.set(h.type, h);
  }
  return { get: (type) => byType.get(type), types: () => [...byType.keys()] };
}

/** Thrown by a job to fail at once, without retries. Any error with `retryable: false` does the same. */
export class PermanentJobError extends Error {
  readonly retryable = false;
}

/**
 * Thrown by a job that was told to come back later (a rate limit). Any error with `retryAfterMs` does the same.
 * `spendsAttempt: false` is for a wait that is not a failure (a write budget pacing a burst): the attempt is given
 * back, so that waiting never uses up the retries meant for real trouble.
 */
export class RetryLaterError extends Error {
  readonly spendsAttempt: boolean;
  constructor(
    message: string,
    readonly retryAfterMs: number,
    opts: { spendsAttempt?: boolean } = {},
  ) {
    super(message);
    this.spendsAttempt = opts.spendsAttempt ?? true;
  }
}

export interface FailureKind {
  message: string;
  /** A stable name for the failure, for logs: the error's `kind` (a network's) or `code`, else its class name. */
  code: string;
  retryable: boolean;
  retryAfterMs: number | null;
  /** False for a wait that is not a failure: the attempt is given back. Only with `retryAfterMs`. */
  spendsAttempt: boolean;
}

export function describeFailure(err: unknown): FailureKind {
  const fields = typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {};
  const message = err instanceof Error ? err.message || err.name : String(err);
  const after = fields.retryAfterMs;
  const code = [fields.kind, fields.code].find((v): v is string => typeof v === 'string' && v !== '') ?? (err instanceof Error ? err.name : typeof err);
  return {
    message,
    code,
    retryable: fields.retryable !== false,
    retryAfterMs: typeof after === 'number' && Number.isFinite(after) && after >= 0 ? after : null,
    spendsAttempt: !(fields.spendsAttempt === false && typeof after === 'number' && fields.retryable !== false),
  };
}
