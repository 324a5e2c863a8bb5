import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Charter } from '../../shared/charter/charter.js';
import type { CheckInput, Finding } from '../../shared/charter/findings.js';
import { checkMessage } from '../../shared/charter/check.js';
import { AppError } from '../../http/errors.js';
import { currentCharter } from './repository.js';
import { findingMessage, blockedMessage } from './messages.js';
import type { Locale } from './locale.js';

export type WordedFinding<F extends Finding = Finding> = F & { message: string };

export const worded = <F extends Finding>(findings: readonly F[], locale: Locale): WordedFinding<F>[] =>
  findings.map((f) => ({ ...f, message: findingMessage(f, locale) }));

/** Stops a message: nothing with a blocking finding is submitted, sent or saved. */
export const isBlocking = (f: Finding) => f.severity === 'blocking' && !f.needsLegalReview;

/** What the violations list and the editors show: what stops a message, asks for a legal review, or warns. */
export const breaksCharter = (f: Finding) => f.severity !== 'suggestion' || f.needsLegalReview;

export function charterBlocked<F extends Finding>(findings: readonly F[], locale: Locale): AppError {
  const all = worded(findings, locale);
  return new AppError('charter_blocked', 422, blockedMessage(all.filter(isBlocking), locale), undefined, { findings: all });
}

/** Throws charter_blocked when the text breaks the workspace's charter in a way that stops it. */
export async function assertKeepsCharter(db: Kysely<Database>, workspaceId: string, input: CheckInput, locale: Locale) {
  const { charter } = await currentCharter(db, workspaceId);
  assertKeeps(charter, input, locale);
}

export function assertKeeps(charter: Charter, input: CheckInput, locale: Locale) {
  const { findings } = checkMessage(charter, input);
  if (findings.some(isBlocking)) throw charterBlocked(findings, locale);
}

/** The first name a signature's {first_name} stands for; null for a rule's answer or a nameless member. */
export async function writerFirstName(db: Kysely<Database>, userId: string): Promise<string | null> {
  if (userId.startsWith('rule:')) return null;
  const row = await db.selectFrom('user').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name.trim().split(/\s+/u)[0] || null;
}

/** The legal review a text needs: each term once, with the charter's reason. */
export function legalReasons(findings: readonly Finding[], textOf: (f: Finding) => string): Array<{ term: string; reason: string }> {
  const out = new Map<string, { term: string; reason: string }>();
  for (const f of findings) {
    if (!f.needsLegalReview) continue;
    const term = String(f.params.term ?? f.params.found ?? textOf(f));
    if (!out.has(term.toLowerCase())) out.set(term.toLowerCase(), { term, reason: f.reason });
  }
  return [...out.values()];
}
