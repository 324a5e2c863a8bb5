import type { Store } from '../store/database.js';
import type { Clock } from '../shared/clock.js';
import { describeFailure, type JobContext, type JobRegistry } from './define.js';
import type { JobRow } from './job.js';
import { recordFailure, writeProgress } from './claim.js';

export interface JobLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLog: JobLog = { info() {}, warn() {}, error() {} };

export interface ExecuteDeps {
  store: Store;
  registry: JobRegistry;
  workerId: string;
  clock: Clock;
  log: JobLog;
  /** Records success; batched by the runner. */
  complete(id: string, result: string | null): Promise<void>;
}

class TimeoutError extends Error {}

const PROGRESS_EVERY_MS = 250;

/** Runs one claimed attempt to its end and records the outcome. Never throws. */
export async function executeJob(row: JobRow, controller: AbortController, deps: ExecuteDeps): Promise<void> {
  const { store, workerId, clock, log } = deps;
  const handler = deps.registry.get(row.type);
  const attempt = Number(row.attempts);
  // One line per failed attempt: what failed and why, never the payload (it can hold people's words).
  const fail = (error: string, retryAt: number | null, code = 'invalid_job', refundAttempt = false) => {
    const line = { event: 'job.failed', jobId: row.id, type: row.type, attempt, maxAttempts: Number(row.max_attempts), code, error, retryAt };
    if (retryAt === null) log.warn(line, 'job failed');
    else log.info(line, 'job attempt failed; it will run again');
    return recordFailure(store, { workerId, id: row.id, error, now: clock.now(), retryAt, refundAttempt });
  };

  try {
    if (!handler) return await fail(`unknown job type ${row.type}`, null);
    if (Number(row.payload_version) !== handler.version) {
      return await fail(`payload version ${row.payload_version} does not match ${row.type} v${handler.version}`, null);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      return await fail(`payload of ${row.type} is not JSON`, null);
    }
    const prepared = handler.prepare(payload);
    if (!prepared.ok) return await fail(prepared.error, null);

    let progressAt = -Infinity;
    const ctx: JobContext = {
      jobId: row.id,
      type: row.type,
      attempt,
      workspaceId: row.workspace_id,
      signal: controller.signal,
      async progress(done, total, message) {
        // A loop reporting every item must not turn into a write per item; the last step is always written.
        const now = clock.now();
        if (done < total && now - progressAt < PROGRESS_EVERY_MS) return;
        progressAt = now;
        await writeProgress(store, workerId, row.id, JSON.stringify({ done, total, ...(message ? { message } : {}) }), now);
      },
    };
    try {
      const result = await withTimeout(prepared.run(ctx), handler.timeoutMs, controller);
      await deps.complete(row.id, result === undefined ? null : JSON.stringify(result));
    } catch (err) {
      // Lost lease, cancellation or shutdown: the row is no longer ours, whatever we would write is refused.
      if (controller.signal.aborted && !(err instanceof TimeoutError)) return;
      const failure = describeFailure(err);
      const final = !failure.retryable || (failure.spendsAttempt && attempt >= Number(row.max_attempts));
      const delay = failure.retryAfterMs ?? handler.backoffMs(attempt);
      await fail(failure.message, final ? null : clock.now() + delay, err instanceof TimeoutError ? 'timeout' : failure.code, !final && !failure.spendsAttempt);
    }
  } catch (err) {
    log.error({ err, jobId: row.id, type: row.type }, 'job outcome not recorded; its lease will expire and it will run again');
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number | null, controller: AbortController): Promise<T> {
  if (timeoutMs === null) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new TimeoutError(`timed out after ${timeoutMs} ms`);
      // Rejected first, so that a job which settles as soon as it is aborted still counts as timed out.
      reject(err);
      controller.abort(err);
    }, timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
