import type { AppContext } from '../../context.js';
import { isUnavailableStatus, type ConnectorError } from '../../connectors/errors.js';

interface TargetState {
  attempts: number;
  error_kind: string | null;
  error_message: string | null;
}

/**
 * Whether an earlier attempt may have put this post on the network: it was settled before (then retried by
 * someone), a failed attempt left its error, or the job itself is on a later attempt (a crash mid-send).
 */
export function mayHaveGoneOut(target: TargetState, jobAttempt: number): boolean {
  return jobAttempt > 1 || Number(target.attempts) > 0 || target.error_kind !== null;
}

/**
 * The network's words. Passing trouble also gets its HTTP status when the words do not carry it ("Internal
 * Server Error"), so that two different failures never read alike.
 */
export function shownMessage(err: ConnectorError): string {
  if (err.kind !== 'transient' || err.status === undefined || err.message.includes(String(err.status))) return err.message;
  return `${err.message} (HTTP ${err.status})`;
}

/** The failure the previous attempt left on a target still pending, if any. */
export const failedBefore = (target: TargetState) =>
  target.error_kind === null ? null : { kind: target.error_kind, message: target.error_message ?? '' };

/**
 * A server error repeated word for word is the server failing on this request, not passing trouble: a
 * second identical answer stops the retries. Unavailability (502, 503, 504) reads the same for as long as a
 * restart or an overload lasts, so it keeps its backoff.
 */
export function repeatsLastFailure(err: ConnectorError, previous: { kind: string; message: string } | null): boolean {
  if (!previous || err.kind !== 'transient' || err.status === undefined) return false;
  if (err.status < 500 || isUnavailableStatus(err.status)) return false;
  return previous.kind === err.kind && previous.message === shownMessage(err);
}

/** Keeps the error on the target while it waits for its retry: what the user sees, and what the next attempt compares. */
export async function retryLater(ctx: AppContext, targetId: string, err: ConnectorError): Promise<void> {
  await ctx.store.db
    .updateTable('post_targets')
    .set({ error_kind: err.kind, error_message: shownMessage(err), updated_at: ctx.clock.now() })
    .where('id', '=', targetId)
    .where('status', '=', 'pending')
    .execute();
}
