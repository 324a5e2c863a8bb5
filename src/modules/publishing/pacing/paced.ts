import type { NetworkId } from '../../../connectors/types.js';

/**
 * A post held back by the network's write budget, not a failure: the job comes back when the budget allows,
 * without spending one of its attempts, and the post's history says until when it waits.
 */
export class PacedError extends Error {
  readonly retryable = true;
  readonly spendsAttempt = false;
  readonly kind = 'paced';
  readonly retryAfterMs: number;
  constructor(
    readonly network: NetworkId,
    readonly until: number,
    now: number,
    readonly reason: string | null = null,
  ) {
    super(`waiting for ${network}'s write budget until ${new Date(until).toISOString()}`);
    this.retryAfterMs = Math.max(0, until - now);
  }
}

export const isPaced = (err: unknown): err is PacedError => err instanceof PacedError;
