/**
 * Words to prefer and words forbidden. Terms match whatever their inflection (usager, usagères), case, accents,
 * elision (l'usager, d’usagers) and spacing ("100% naturel"); never inside another word ("usagerie" is not
 * "usager"). Forbidden terms also match their adverb ("gratuitement" makes the claim "gratuit" makes) and inside
 * hashtags ("#GratuitPourTous").
 *
 * Quoted text (a customer's words in a reply) is exempt from preferred terms and from forbidden terms that block or
 * warn: the brand is not the one saying them. Legal-review terms are still found there: repeating a claim in public,
 * even in quotes, is publishing it, and the reviewer decides.
 */
import type { Charter, ForbiddenTerm, PreferredTerm, Severity } from '../charter.js';
import type { Finding, TextEdit } from '../findings.js';
import { articleEdit } from './articles.js';
import { finding, matchCase, type CheckContext } from './finding.js';
import { pluralOfTerm } from './inflect.js';
import { PhraseIndex } from './phrases.js';
import { inSpans, type Word } from './text.js';

export interface CompiledVocabulary {
  prefer: PhraseIndex<PreferredTerm>;
  forbidden: PhraseIndex<ForbiddenTerm>;
}

export function compileVocabulary(charter: Charter): CompiledVocabulary {
  const prefer = new PhraseIndex<PreferredTerm>();
  for (const entry of charter.vocabulary.prefer) {
    for (const old of entry.insteadOf) prefer.add(old, entry, { language: entry.language, inflect: true });
  }
  const forbidden = new PhraseIndex<ForbiddenTerm>();
  for (const entry of charter.vocabulary.forbidden) {
    forbidden.add(entry.term, entry, { language: entry.language, inflect: true, adverbs: true });
  }
  return { prefer, forbidden };
}

// block stops the message; legal_review lets it go after an extra approval step, so it warns; warn warns.
const FORBIDDEN_SEVERITY: Record<ForbiddenTerm['action'], Severity> = { block: 'blocking', legal_review: 'warning', warn: 'warning' };

export function checkVocabulary(ctx: CheckContext<CompiledVocabulary>): Finding[] {
  const { message, language } = ctx;
  const { text } = message;
  const out: Finding[] = [];
  const speaks = (lang: 'fr' | 'en' | null) => lang === null || language === null || lang === language;

  const inName = (w: Word) => inSpans(ctx.brandNames, w.start, w.end);
  const preferred = ctx.compiled.prefer.match(message, (w, entry) => !w.inLink && !w.inHashtag && !w.quoted && !inName(w) && speaks(entry.language));
  for (const m of preferred) {
    const entry = m.phrase.payload;
    const found = text.slice(m.start, m.end);
    const replacement = matchCase(found, m.plural ? pluralOfTerm(entry.use, entry.language ?? language) : entry.use);
    const edits: TextEdit[] = [];
    const article = language === 'en' || entry.language === 'en' ? null : articleEdit(text, m.start, replacement);
    if (article) edits.push(article);
    edits.push({ start: m.start, end: m.end, replacement });
    out.push(finding({
      rule: 'vocabulary.prefer',
      severity: entry.severity,
      start: m.start,
      end: m.end,
      params: { found, use: entry.use },
      reason: entry.reason,
      fix: { kind: 'replace', edits },
    }));
  }

  const accept = (entry: ForbiddenTerm) => speaks(entry.language);
  const inText = ctx.compiled.forbidden.match(
    message,
    (w, entry) => !w.inLink && !inName(w) && accept(entry) && (!w.quoted || entry.action === 'legal_review'),
  );
  const inTags = ctx.compiled.forbidden.matchInHashtags(message, accept);
  const seen = new Set(inText.map((m) => `${m.start}:${m.end}`));
  for (const m of [...inText, ...inTags.filter((t) => !seen.has(`${t.start}:${t.end}`) && !inText.some((x) => x.start < t.end && x.end > t.start))]) {
    const entry = m.phrase.payload;
    const legal = entry.action === 'legal_review';
    out.push(finding({
      rule: legal ? 'vocabulary.legal_review' : 'vocabulary.forbidden',
      severity: FORBIDDEN_SEVERITY[entry.action],
      needsLegalReview: legal,
      start: m.start,
      end: m.end,
      params: { found: text.slice(m.start, m.end), term: entry.term },
      reason: entry.reason,
    }));
  }
  return out;
}
