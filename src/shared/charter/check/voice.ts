/**
 * Tutoiement or vouvoiement, as the charter says. Each word that addresses the reader the other way (tu, te, t',
 * toi, ton, ta, tes, le tien…, an imperative "viens", "n'hésite pas", "contacte-nous"; or vous, votre, vos, le vôtre,
 * "venez", "n'hésitez pas", "contactez-nous") is a warning: a slip of voice, which a reader notices but which stops
 * nothing. Every such finding carries the same fix, which switches the whole message with its verbs agreed.
 *
 * "vous" said to a group is allowed under a tu charter: "vous tous", "vous deux", "à vous toutes", "vous êtes
 * nombreux", "beaucoup d'entre vous", or a message that opens on a group ("Chers clients,", "Bonjour à tous").
 * Quoted words are someone else's and are neither flagged nor switched.
 */
import type { Finding, TextEdit } from '../findings.js';
import { finding, type CheckContext } from './finding.js';
import { Clauses } from './french-clauses.js';
import { isKnownPluralForm, isPluralForm, isSingularImperative } from './french-verbs.js';
import { switchEdits, type Marker } from './address-switch.js';

// Imperatives that are also common nouns ("Commande n° 12", "Bois flotté"): a tu form only when negated,
// hyphenated ("commande-le") or followed by a possessive of tu.
const NOUN_LIKE = new Set([
  'commande', 'aide', 'offre', 'visite', 'note', 'livre', 'montre', 'porte', 'marche', 'place', 'pose', 'change',
  'echange', 'lance', 'reve', 'bois', 'cours', 'mets', 'vis', 'sers', 'sors', 'reserve', 'garde', 'charge', 'ferme',
  'passe', 'compte', 'signe', 'tente', 'cache', 'boucle', 'reste',
]);
const TU_WORDS = new Set(['tu', 'te', 'toi', 'ta', 'tes']);
const TU_POSSESSIVE = new Set(['ton', 'ta', 'tes']);
const TIEN = new Set(['tien', 'tiens', 'tienne', 'tiennes']);
const VOUS_WORDS = new Set(['vous', 'votre', 'vos', 'votres']);
// "le ton", "un ton", "ce ton": the noun (tone), not the possessive.
const TONE_DETERMINERS = new Set(['le', 'un', 'ce', 'du', 'au', 'quel', 'meme', 'bon', 'mon', 'son', 'notre', 'votre', 'leur', 'beau', 'nouveau']);
const ARTICLES = new Set(['le', 'la', 'les', 'des', 'aux', 'du', 'au']);
const POST_VERB_PRONOUNS = /^(?:nous|moi|toi|vous|le|la|les|lui|leur|y|en)$/;

const PLURAL_IN_SENTENCE =
  /\bvous[\s-]+(?:tous|toutes|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|autres|memes)\b|\bnombreu(?:x|ses)\b|\bentre vous\b|\bchacune? (?:de|d'entre) vous\b|\ba tous\b|\ba toutes\b|\btout le monde\b|\bvous (?:etes|serez|etiez) (?:tous|toutes|\d+|plus de|des milliers|des centaines)/;
const PLURAL_OPENING =
  /\b(?:cher|chere)s\s+\p{L}|\bmesdames\b|\bmessieurs\b|\b(?:bonjour|salut|hello|coucou|merci|bienvenue|bonsoir)\s+(?:a\s+)?(?:tous|toutes|tout le monde)\b|\b(?:les amis|la team|la communaute)\s*[,!]/u;

export function findMarkers(clauses: Clauses): Marker[] {
  const words = clauses.words;
  const out: Marker[] = [];
  const push = (i: number, address: 'tu' | 'vous', kind: Marker['kind']) => out.push({ word: i, address, kind, quoted: words[i].quoted });
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.inLink || w.inHashtag) continue;
    const f = w.folded;
    if (VOUS_WORDS.has(f)) {
      if (f === 'vous' && clauses.hyphenBefore(i) && meetingNoun(clauses, i - 1)) continue;
      push(i, 'vous', f === 'vous' ? 'pronoun' : 'possessive');
      continue;
    }
    if (TU_WORDS.has(f) || (f === 't' && clauses.elided(i)) || (f === 'ton' && !(i > 0 && TONE_DETERMINERS.has(words[i - 1].folded)))) {
      push(i, 'tu', TU_POSSESSIVE.has(f) ? 'possessive' : 'pronoun');
      continue;
    }
    if (TIEN.has(f) && i > 0 && ARTICLES.has(words[i - 1].folded)) {
      push(i, 'tu', 'possessive');
      continue;
    }
    if (!clauses.subjectless(i) || !/^\p{L}+$/u.test(w.text)) continue;
    const lower = w.text.toLowerCase();
    const hyphenated = clauses.hyphenAfter(i) && POST_VERB_PRONOUNS.test(words[i + 1].folded);
    const negated = i > 0 && (words[i - 1].folded === 'ne' || words[i - 1].folded === 'n');
    // A capitalised word in -ez inside a sentence that no listed verb explains is a name ("Bravo, Gomez !").
    const name = /^\p{Lu}/u.test(w.text) && !clauses.sentenceStart(i) && !isKnownPluralForm(lower);
    if (isPluralForm(lower) && !name) {
      if (meetingNoun(clauses, i)) continue;
      // "Pouvez-vous…?": the "vous" after the verb is the subject; the verb is not an imperative.
      if (hyphenated && words[i + 1].folded === 'vous' && clauses.question(i)) continue;
      push(i, 'vous', 'imperative');
    } else if (isSingularImperative(lower) || (hyphenated && /(?:e|s)$/.test(lower) && lower.length > 2)) {
      if (hyphenated && words[i + 1].folded === 'tu') continue; // "peux-tu": "tu" is the subject
      const nounLike = NOUN_LIKE.has(f) && !hyphenated && !negated && !(i + 1 < words.length && TU_POSSESSIVE.has(words[i + 1].folded));
      if (!nounLike) push(i, 'tu', 'imperative');
    }
  }
  return out;
}

// "Rendez-vous sur notre site" sends the reader somewhere (an imperative); "un rendez-vous", "Rendez-vous le
// 12 mai" is a meeting.
const GO_TO = new Set(['sur', 'a', 'au', 'aux', 'en', 'dans', 'chez', 'vite', 'directement', 'des', 'sans']);

function meetingNoun(clauses: Clauses, i: number): boolean {
  const words = clauses.words;
  if (words[i].folded !== 'rendez' || !clauses.hyphenAfter(i) || words[i + 1].folded !== 'vous') return false;
  if (!clauses.clauseStart(i)) return true;
  const after = words[i + 2];
  return !(after && !clauses.clauseStart(i + 2) && GO_TO.has(after.folded));
}

/** Markers of "vous" said to a group, allowed under a tu charter. */
function pluralVous(ctx: CheckContext, clauses: Clauses, markers: Marker[]): Set<number> {
  const out = new Set<number>();
  const { folded, foldMap } = ctx.message;
  const opening = PLURAL_OPENING.test(folded);
  for (const m of markers) {
    if (m.address !== 'vous') continue;
    if (opening) {
      out.add(m.word);
      continue;
    }
    const [s, e] = clauses.sentence(m.word);
    // Folded offsets of the sentence: the fold map is monotonic, so search it.
    const fs = lowerBound(foldMap, s);
    const fe = lowerBound(foldMap, e);
    if (PLURAL_IN_SENTENCE.test(folded.slice(fs, fe))) out.add(m.word);
  }
  return out;
}

function lowerBound(map: number[], value: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function checkVoice(ctx: CheckContext): Finding[] {
  const { charter, message, language } = ctx;
  const wanted = charter.voice.address;
  if (wanted === 'any' || language !== 'fr') return [];
  const clauses = new Clauses(message);
  const markers = findMarkers(clauses);
  const wrong = wanted === 'tu' ? 'vous' : 'tu';
  const plural = wanted === 'tu' ? pluralVous(ctx, clauses, markers) : new Set<number>();
  const offending = markers.filter((m) => m.address === wrong && !m.quoted && !plural.has(m.word));
  if (offending.length === 0) return [];
  const edits: TextEdit[] = switchEdits(message, clauses, offending, wanted);
  const fix = edits.length > 0 ? { kind: wanted === 'tu' ? 'switch_to_tu' : 'switch_to_vous', edits } : null;
  const flagged = new Set(offending.map((m) => m.word));
  const out: Finding[] = [];
  for (const m of offending) {
    // "Inscrivez-vous": one finding on the verb, not a second on its pronoun.
    if (m.kind === 'pronoun' && clauses.hyphenBefore(m.word) && flagged.has(m.word - 1)) continue;
    const w = clauses.words[m.word];
    const end = clauses.elided(m.word) && w.folded.length === 1 ? w.end + 1 : w.end;
    out.push(finding({
      rule: 'voice.address', severity: 'warning', start: w.start, end,
      params: { found: message.text.slice(w.start, end), use: wanted },
      fix,
    }));
  }
  return out;
}
