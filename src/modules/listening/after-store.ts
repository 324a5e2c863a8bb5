import type { AppContext } from '../../context.js';
import type { StoredMention } from './mention-store.js';
import { announceListening } from './live.js';
import { countStored, judgeTopics } from './radar-runner.js';

/**
 * Once a batch is stored: the radar counts it and judges the topics it touched, and open screens are told. Their
 * failure does not undo the storing; it is logged, and the next batch judges the topics again.
 */
export async function afterMentionsStored(ctx: AppContext, workspaceId: string, sourceId: string | null, stored: readonly StoredMention[]): Promise<void> {
  const touched = countStored(ctx, stored);
  const steps = [
    ['radar', () => judgeTopics(ctx, workspaceId, touched)],
    ['announce', () => announceListening(ctx.store, workspaceId, [...touched])],
  ] as const;
  for (const [step, run] of steps) {
    try {
      await run();
    } catch (err) {
      ctx.log.error({ event: `listening.${step}_failed`, workspaceId, sourceId, mentions: stored.length, err }, `listening ${step} failed after storing`);
    }
  }
}
