import type { Logger } from 'pino';
import type { PendingTarget } from './loaders.js';

/**
 * One log line per post sent to one account: ids, network, attempt and outcome. Never the text, nor anything
 * of the account but its id (its row holds the sealed credentials).
 */
export function logPublishOutcomes(log: Logger, attempt: number, targets: PendingTarget[], results: PromiseSettledResult<string>[]): void {
  targets.forEach((target, i) => {
    const result = results[i];
    const line = { event: 'post.publish', postId: target.post_id, targetId: target.id, accountId: target.account_id, network: target.network, attempt };
    if (result?.status === 'fulfilled') {
      log.info({ ...line, outcome: result.value }, `post ${result.value}`);
    } else {
      const reason = result?.reason as { kind?: unknown; code?: unknown; name?: unknown } | undefined;
      const code = [reason?.kind, reason?.code, reason?.name].find((v) => typeof v === 'string') ?? 'error';
      log.info({ ...line, outcome: 'retry', code }, 'post not sent; it will be tried again');
    }
  });
}
