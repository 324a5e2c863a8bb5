/**
 * The fix that switches a whole message between tutoiement and vouvoiement: pronouns, possessives (ta commande ↔
 * votre commande, ton adresse), verbs agreed with their subject ("vous pouvez" ↔ "tu peux", "venez" ↔ "viens",
 * "pouvez-vous ?" ↔ "peux-tu ?", "inscrivez-vous" ↔ "inscris-toi"), elision ("vous aider" ↔ "t'aider"), and the
 * capital of a word that starts a sentence.
 */
import type { TextEdit } from '../findings.js';
import { matchCase } from './finding.js';
import { PREPOSITIONS, type Clauses } from './french-clauses.js';
import { toPlural, toSingular, type Mood } from './french-verbs.js';
import { isFeminine, startsWithVowelSound } from './french-words.js';
import type { Message } from './text.js';

export interface Marker {
  word: number;
  address: 'tu' | 'vous';
  kind: 'pronoun' | 'possessive' | 'imperative';
  quoted: boolean;
}

// Adjectives before a noun that look the same in both genders: the noun after them decides.
const EPICENE_BEFORE_NOUN = new Set(['propre', 'jeune', 'unique', 'simple', 'autre', 'double', 'super', 'moindre', 'meme', 'seule', 'rapide', 'large', 'sympathique', 'magnifique', 'incroyable', 'formidable', 'precieux']);
const TIEN_FOR_ARTICLE: Record<string, string> = { le: 'tien', la: 'tienne', les: 'tiens', des: 'tiens', aux: 'tiens', du: 'tien', au: 'tien' };
const VOTRE_FOR_TIEN: Record<string, string> = { tien: 'vôtre', tienne: 'vôtre', tiens: 'vôtres', tiennes: 'vôtres' };

const looksInfinitive = (folded: string) => folded.length > 3 && /(?:er|ir|re|oir)$/.test(folded);

export function switchEdits(message: Message, clauses: Clauses, markers: Marker[], target: 'tu' | 'vous'): TextEdit[] {
  const { text } = message;
  const words = clauses.words;
  const apostrophe = text.includes('’') ? '’' : "'";
  const edits = new Map<number, TextEdit>();
  const set = (start: number, end: number, replacement: string) => {
    if (!edits.has(start)) edits.set(start, { start, end, replacement });
  };
  const put = (i: number, replacement: string | null) => {
    if (replacement === null) return;
    const w = words[i];
    const r = matchCase(w.text, replacement);
    if (r !== w.text) set(w.start, w.end, r);
  };
  const lower = (i: number) => words[i].text.toLowerCase();
  const inClause = (i: number) => i >= 0 && i < words.length && !clauses.clauseStart(i);
  const afterQue = (i: number) => i > 0 && (words[i - 1].folded === 'que' || words[i - 1].folded === 'qu');

  const ton = (i: number): string => {
    let j = i + 1;
    if (!inClause(j)) return 'ton';
    if (startsWithVowelSound(words[j].text)) return 'ton';
    if (EPICENE_BEFORE_NOUN.has(words[j].folded) && inClause(j + 1)) j++;
    return isFeminine(words[j].text) ? 'ta' : 'ton';
  };

  const vousToTu = (m: Marker) => {
    const i = m.word;
    const w = words[i];
    const f = w.folded;
    if (m.kind === 'imperative') {
      const sg = toSingular(lower(i), 'imperative');
      // "Allez-y" → "Vas-y", "Pensez-y" → "Penses-y": an s before y and en, for the sound.
      const euphonic = sg && /[ae]$/.test(sg) && clauses.hyphenAfter(i) && /^(?:y|en)$/.test(words[i + 1].folded);
      return put(i, euphonic ? sg + 's' : sg);
    }
    if (m.kind === 'possessive') {
      if (f === 'vos') return put(i, 'tes');
      const article = i > 0 && inClause(i) ? words[i - 1].folded : '';
      if (TIEN_FOR_ARTICLE[article] && (f === 'votres' || f === 'votre')) return put(i, TIEN_FOR_ARTICLE[article] + (f === 'votres' && article !== 'les' ? 's' : ''));
      return put(i, ton(i));
    }
    // "vous" the pronoun.
    if (clauses.hyphenBefore(i) && /ez$|^(?:êtes|faites|dites)$/.test(lower(i - 1))) {
      if (clauses.question(i)) {
        put(i - 1, toSingular(lower(i - 1), 'indicative'));
        return put(i, 'tu');
      }
      put(i - 1, toSingular(lower(i - 1), 'imperative'));
      return put(i, 'toi');
    }
    if (clauses.hyphenAfter(i) && words[i + 1].folded === 'meme') return put(i, 'toi');
    const v = clauses.verbAfter(i);
    const reflexive = i > 0 && inClause(i) && words[i - 1].folded === 'vous';
    if (v >= 0 && !reflexive && !clauses.negatedChain(i) && /ez$|^(?:êtes|faites|dites)$/.test(lower(v)) && !/^(?:chez|nez|assez)$/.test(lower(v))) {
      put(i, 'tu');
      const mood: Mood = afterQue(i) ? 'subjunctive' : 'indicative';
      return put(v, toSingular(lower(v), mood));
    }
    const next = inClause(i + 1) ? words[i + 1] : null;
    if (i > 0 && inClause(i) && PREPOSITIONS.has(words[i - 1].folded) && !(next && looksInfinitive(next.folded))) return put(i, 'toi');
    if (next && /^\s+$/.test(text.slice(w.end, next.start)) && !clauses.hyphenAfter(i)) {
      if (startsWithVowelSound(next.text)) return set(w.start, next.start, matchCase(w.text, 't') + apostrophe);
      return put(i, 'te');
    }
    return put(i, 'toi');
  };

  const tuToVous = (m: Marker) => {
    const i = m.word;
    const f = words[i].folded;
    if (m.kind === 'imperative') return put(i, toPlural(lower(i), 'imperative'));
    if (m.kind === 'possessive') {
      if (f === 'tes') return put(i, 'vos');
      if (VOTRE_FOR_TIEN[f]) return put(i, VOTRE_FOR_TIEN[f]);
      return put(i, 'votre');
    }
    if (f === 'tu') {
      put(i, 'vous');
      if (clauses.hyphenBefore(i)) return put(i - 1, toPlural(lower(i - 1), 'indicative'));
      const v = clauses.verbAfter(i);
      if (v >= 0) put(v, toPlural(lower(v), 'indicative'));
      return;
    }
    if (f === 't') {
      const w = words[i];
      const next = i + 1 < words.length ? words[i + 1] : null;
      // "t'es", "t'as": a spoken "tu es", "tu as".
      if (next && (next.folded === 'es' || next.folded === 'as')) {
        return set(w.start, next.end, matchCase(w.text, 'vous') + (next.folded === 'es' ? ' êtes' : ' avez'));
      }
      return set(w.start, w.end + 1, matchCase(w.text, 'vous') + ' ');
    }
    return put(i, 'vous'); // te, toi
  };

  for (const m of markers) (target === 'tu' ? vousToTu : tuToVous)(m);
  const sorted = [...edits.values()].sort((a, b) => a.start - b.start);
  const out: TextEdit[] = [];
  for (const e of sorted) if (out.length === 0 || out[out.length - 1].end <= e.start) out.push(e);
  return out;
}
