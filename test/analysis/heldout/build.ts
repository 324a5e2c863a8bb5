import type { FunctionalCase, Suite } from '../suites/cases.js';

// A held-out functional check, built kind by kind after the HateCheck taxonomy (Röttger et al., 2021) with
// wordings of its own. Only `npm run -s eval` reads it: no rule, threshold or test is tuned on its cases, so that
// its figure stays a fair guess of what an outside judge sees. Rules may be changed for a whole class of failures
// it shows, never for one of its sentences.

/** A group as the templates name it. */
export interface Identity {
  /** "women", "les femmes" */
  pl: string;
  /** "a woman", "une femme" */
  sg: string;
  /** "woman", "femme": after "every", "chaque", "le prochain" */
  one: string;
  /** French: "femmes", after "de", "plein de" */
  bare?: string;
  /** French: "des femmes" (also after "de": "parler des femmes") */
  des?: string;
  /** French: "aux femmes" */
  aux?: string;
  /** French: "elles" or "ils" */
  they?: string;
  /** French grammatical gender, for "[masculine|feminine]" choices in templates */
  fem?: boolean;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Fills slots ({pl}, {Pl}, {sg}, {one}, {bare}, {des}, {Des}, {aux}, {they}, {They}) and gender choices
 * ("[tous|toutes]") for one identity.
 */
export function fillFor(template: string, g: Identity): string {
  return template
    .replace(/\[([^\]|]*)\|([^\]]*)\]/g, (_, m: string, f: string) => (g.fem ? f : m))
    .replace(/\{(\w+)\}/g, (_, slot: string) => {
      const v = (g as unknown as Record<string, string | undefined>)[slot.toLowerCase()];
      if (v === undefined) throw new Error(`slot {${slot}} has no value for ${g.pl}`);
      return slot === slot.toLowerCase() ? v : cap(v);
    });
}

/** Every template of a kind for every identity; templates without a slot are taken once. */
export function cases(kind: string, hateful: boolean, identities: Identity[], templates: string[]): FunctionalCase[] {
  const out: FunctionalCase[] = [];
  for (const t of templates) {
    if (!/[{[]/.test(t)) out.push({ kind, text: t, expect: hateful });
    else for (const g of identities) out.push({ kind, text: fillFor(t, g), expect: hateful });
  }
  return out;
}

/** The ways trolls spell a word to slip past word lists, each applied to the word marked <so> in a template. */
export const SPELLINGS: Record<string, (word: string) => string> = {
  // Two letters inside the word change places: "hate" → "htae".
  'spell-swapped': (w) => {
    if (w.length < 4) return w;
    const i = Math.floor((w.length - 1) / 2);
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  },
  // One letter inside the word is left out: "vermin" → "vemin".
  'spell-missing': (w) => {
    if (w.length < 4) return w;
    const i = Math.floor(w.length / 2);
    return w.slice(0, i) + w.slice(i + 1);
  },
  // Letters as digits and signs: "scum" → "5cum".
  'spell-leet': (w) => w.replace(/[aeiost]/gi, (c) => ({ a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' })[c.toLowerCase()] ?? c),
  // Spaces between the letters: "filth" → "f i l t h".
  'spell-spaced': (w) => [...w].join(' '),
};

/**
 * Hateful templates whose marked word is respelt each way, plus the same templates with the spaces around the
 * marked word taken out ("Ihatewomen").
 */
export function spellingCases(identities: Identity[], templates: string[]): FunctionalCase[] {
  const out: FunctionalCase[] = [];
  for (const [kind, respell] of Object.entries(SPELLINGS)) {
    const filled = templates.map((t) => t.replace(/<([^>]+)>/, (_, w: string) => respell(w)));
    out.push(...cases(kind, true, identities, filled));
  }
  const glued = templates.map((t) => t.replace(/ ?<([^>]+)> ?/, (_, w: string) => w));
  out.push(...cases('spell-no-spaces', true, identities, glued));
  return out;
}

/** Hate is read from the hate score alone, as the functional tests label it. */
export function hateSuite(name: string, lang: 'en' | 'fr', all: FunctionalCase[]): Suite {
  return { name, lang, says: (a) => a.toxicity.categories.hate >= 0.5, cases: all };
}
