/**
 * The review queue's decisions, held a few seconds before they are sent so that one key undoes a slip.
 * Plain TypeScript: the page renders what it says and calls decide/undo/flush.
 */
import type { ReviewView } from '../../api/moderation.js';

export type Decision = 'confirm' | 'overturn';

export interface Held {
  review: ReviewView;
  decision: Decision;
  timer: ReturnType<typeof setTimeout> | null;
}

export const UNDO_MS = 5000;

export class DecisionBuffer {
  private held: Held[] = [];

  constructor(
    private readonly send: (review: ReviewView, decision: Decision) => Promise<void>,
    private readonly changed: () => void,
    private readonly delayMs = UNDO_MS,
  ) {}

  get pending(): readonly Held[] {
    return this.held;
  }

  decide(review: ReviewView, decision: Decision): void {
    const entry: Held = { review, decision, timer: null };
    entry.timer = setTimeout(() => void this.commit(entry), this.delayMs);
    this.held.push(entry);
    this.changed();
  }

  /** Takes back the latest decision not sent yet; returns its review, to be shown again. */
  undo(): Held | null {
    const entry = this.held.pop() ?? null;
    if (entry?.timer) clearTimeout(entry.timer);
    this.changed();
    return entry;
  }

  /** Sends everything held now (leaving the page). */
  flush(): void {
    for (const entry of [...this.held]) void this.commit(entry);
  }

  private async commit(entry: Held): Promise<void> {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    const i = this.held.indexOf(entry);
    if (i < 0) return;
    this.held.splice(i, 1);
    this.changed();
    await this.send(entry.review, entry.decision);
  }
}
