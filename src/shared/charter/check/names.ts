/**
 * Brand and product names keep their one spelling: case, accents, spacing and ™/® as the charter writes them.
 * A name is found whatever its case, accents or spacing ("ruche cafe", "RucheCafé", "Ruche-Café") and whatever its
 * variants, and respelt. Links, mentions and hashtags are left alone (a handle or a tag is not a spelling), and so
 * is quoted text (a customer's words, quoted as written). A misspelt name is a warning: it hurts the brand but a
 * reader still knows what is meant.
 */
import type { Charter } from '../charter.js';
import type { Finding } from '../findings.js';
import { finding, type CheckContext } from './finding.js';
import { PhraseIndex, type PhraseMatch } from './phrases.js';
import type { Message } from './text.js';

export type CompiledNames = PhraseIndex<string>;

export function compileNames(charter: Charter): CompiledNames {
  const index = new PhraseIndex<string>();
  for (const { name, variants } of charter.names) {
    for (const spelling of [name, ...variants]) index.add(spelling, name, { language: null, inflect: false, glued: true, marks: true });
  }
  return index;
}

/** Every brand name in the message, well spelt or not. */
export function findNames(names: CompiledNames, message: Message): PhraseMatch<string>[] {
  if (names.size === 0) return [];
  return names.match(message, (w) => !w.inLink && !w.inHashtag && !w.quoted);
}

export function checkNames(ctx: CheckContext<PhraseMatch<string>[]>): Finding[] {
  const { message } = ctx;
  const out: Finding[] = [];
  for (const m of ctx.compiled) {
    const found = message.text.slice(m.start, m.end);
    const name = m.phrase.payload;
    if (found === name) continue;
    out.push(finding({
      rule: 'name.spelling', severity: 'warning', start: m.start, end: m.end,
      params: { found, use: name },
      fix: { kind: 'respell', edits: [{ start: m.start, end: m.end, replacement: name }] },
    }));
  }
  return out;
}
