/**
 * The inflected forms of a charter term's word, folded (lower case, no accents): "usager" → usagers, usagere(s);
 * "gratuit" → gratuite(s), gratuits; "company" → companies. A small rule set, not a dictionary: it over-generates a
 * little ("usagere" exists, "clientx" never will), which costs nothing since a form that never occurs never matches.
 */

export interface Form {
  form: string;
  /** Plural: a replacement is put in the plural too ("Usagers" → "Clients"). */
  plural: boolean;
}

type Lang = 'fr' | 'en' | null;

function frenchForms(w: string, add: (form: string, plural: boolean) => void): void {
  const last = w.slice(-1);
  if (/[sxz]$/.test(w)) {
    add(w + 'e', false);
    add(w + 'es', true);
    if (w.endsWith('eux')) add(w.slice(0, -1) + 'se', false), add(w.slice(0, -1) + 'ses', true);
    return;
  }
  add(w + 's', true);
  if (/(?:au|eu|eau)$/.test(w)) add(w + 'x', true);
  if (w.endsWith('al')) add(w.slice(0, -2) + 'aux', true);
  if (last === 'e') return;
  add(w + 'e', false);
  add(w + 'es', true);
  const feminine = (stem: string) => {
    add(stem, false);
    add(stem + 's', true);
  };
  if (w.endsWith('er')) feminine(w.slice(0, -2) + 'ere');
  if (w.endsWith('eur')) feminine(w.slice(0, -1) + 'se');
  if (w.endsWith('teur')) feminine(w.slice(0, -3) + 'rice');
  if (w.endsWith('f')) feminine(w.slice(0, -1) + 've');
  if (/(?:el|en|on|et|ul|eil)$/.test(w)) feminine(w + last + 'e');
  if (w.endsWith('c')) feminine(w + 'he');
}

function englishForms(w: string, add: (form: string, plural: boolean) => void): void {
  if (/[^aeiou]y$/.test(w)) add(w.slice(0, -1) + 'ies', true);
  if (/(?:s|x|z|ch|sh)$/.test(w)) add(w + 'es', true);
  else add(w + 's', true);
  if (w.endsWith('f')) add(w.slice(0, -1) + 'ves', true);
  if (w.endsWith('fe')) add(w.slice(0, -2) + 'ves', true);
}

/**
 * The forms of one folded word. `adverbs` adds the adverb made from the word ("gratuit" → gratuitement,
 * "free" → freely): a forbidden claim stays the same claim as an adverb, but a preferred term's replacement would not
 * fit there, so only forbidden terms ask for them.
 */
export function wordForms(w: string, language: Lang, adverbs = false): Form[] {
  const seen = new Map<string, Form>();
  const add = (form: string, plural: boolean) => {
    if (!seen.has(form)) seen.set(form, { form, plural });
  };
  add(w, false);
  if (!/\p{L}/u.test(w) || w.length < 2) return [...seen.values()];
  // A term written in the plural ("usagers") also matches its singular.
  const base = w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : null;
  for (const stem of base ? [w, base] : [w]) {
    if (language !== 'en') frenchForms(stem, add);
    if (language !== 'fr') englishForms(stem, add);
  }
  if (base) seen.set(w, { form: w, plural: true }), seen.set(base, { form: base, plural: false });
  if (adverbs) {
    if (language !== 'en') {
      add(w.endsWith('e') ? w + 'ment' : w + 'ement', false);
      if (/(?:ai|e|i|u)$/.test(w)) add(w + 'ment', false);
      if (w.endsWith('ant')) add(w.slice(0, -3) + 'amment', false);
      if (w.endsWith('ent')) add(w.slice(0, -3) + 'emment', false);
    }
    if (language !== 'fr') add(w.endsWith('y') ? w.slice(0, -1) + 'ily' : w.endsWith('le') ? w.slice(0, -1) + 'y' : w + 'ly', false);
  }
  return [...seen.values()];
}

/** "client" in the plural, for a replacement of a plural word. */
export function pluralOf(word: string, language: Lang): string {
  if (/[sxzSXZ]$/.test(word)) return word;
  const upper = word === word.toUpperCase() && word !== word.toLowerCase();
  let out: string;
  if (language === 'en') {
    if (/[^aeiou]y$/i.test(word)) out = word.slice(0, -1) + 'ies';
    else if (/(?:ch|sh)$/i.test(word)) out = word + 'es';
    else out = word + 's';
  } else if (/(?:eau|au|eu)$/i.test(word) && !/(?:pneu|bleu)$/i.test(word)) out = word + 'x';
  else if (/al$/i.test(word) && !/(?:festival|carnaval|bal|récital|chacal)$/i.test(word)) out = word.slice(0, -2) + 'aux';
  else out = word + 's';
  return upper ? out.toUpperCase() : out;
}

/** The plural of a replacement term: each word of a short expression, function words left alone. */
export function pluralOfTerm(term: string, language: Lang): string {
  const words = term.split(/(\s+)/);
  if (words.length === 1) return pluralOf(term, language);
  // "mot de passe" → "mots de passe": only the head noun (the first word) before a preposition.
  const prep = words.findIndex((w) => /^(?:de|du|des|d'|à|en|pour|of|for|with|sans|avec)$/i.test(w));
  return words
    .map((w, i) => (w.trim() === '' || (prep >= 0 && i >= prep) || FUNCTION_WORDS.has(w.toLowerCase()) ? w : pluralOf(w, language)))
    .join('');
}

/** Words of an expression that never inflect: "sans engagement", "100 % naturel". */
export const FUNCTION_WORDS = new Set([
  'a', 'à', 'au', 'aux', 'avec', 'ce', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sans', 'sur',
  'un', 'une', 'plus', 'moins', 'tres', 'très', 'pas', 'the', 'an', 'of', 'and', 'or', 'for', 'with', 'without', 'no',
  'in', 'on', 'to', 'at', 'by', 'not',
]);
