import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { categoriesOf, parseAnalysis, type ItemRow } from './items.js';

/** The model family a decision teaches, from what the item was flagged for: hate and threats, or abuse. */
export function labelCategory(item: ItemRow): 'hate' | 'offensive' {
  const cats = categoriesOf(item);
  const [top, score] = (Object.entries(cats) as Array<[string, number]>).sort((a, b) => b[1] - a[1])[0] ?? ['hate', 0];
  if (score <= 0) return 'hate';
  const lang = languageOf(item);
  // Only English has an abuse model; elsewhere every decision teaches the hate model.
  return top === 'insult' || top === 'sexual' || top === 'spam' ? (lang === 'en' ? 'offensive' : 'hate') : 'hate';
}

export function languageOf(item: ItemRow): string {
  const lang = parseAnalysis(item).lang;
  return typeof lang === 'string' ? lang : item.language;
}

/**
 * A moderator's decision on an item, kept as a training example: confirmed (the text is what it was flagged for)
 * or overturned (it is not). Retraining learns the workspace's own line from these.
 */
export async function labelDecision(db: Kysely<Database>, item: ItemRow, toxic: boolean, decidedBy: string | null, now: number): Promise<void> {
  const category = labelCategory(item);
  await db
    .insertInto('moderation_labels')
    .values({
      id: crypto.randomUUID(), workspace_id: item.workspace_id, item_id: item.id, text: item.text.slice(0, 5000), language: languageOf(item),
      category, label: toxic ? category : 'no', decided_by: decidedBy, created_at: now,
    })
    .execute();
}
