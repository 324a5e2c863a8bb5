import type { Analysis } from '../../../src/analysis/index.js';

/** One functional case: a text, the kind of behaviour it probes, and what the analysis must say about it. */
export interface FunctionalCase {
  kind: string;
  text: string;
  /** The property the case expects to hold (e.g. hate ≥ 0.5, or insult < 0.5). */
  expect: boolean;
}

export interface Suite {
  name: string;
  lang: 'en' | 'fr';
  /** Whether the analysis says yes for this suite's question (e.g. "is it hate?"), for one case. */
  says: (a: Analysis, c: FunctionalCase) => boolean;
  cases: FunctionalCase[];
}

/** A group as the templates name it: plural, with an article, and as one person. */
export interface GroupForms {
  /** "women", "les femmes" */
  pl: string;
  /** "a woman", "une femme" */
  sg: string;
  /** "woman", "femme": after "every", "the next", "chaque" */
  one: string;
  /** "a woman", "gay", "une femme", "gay": after "I am" / "je suis" */
  iam: string;
  /** French only: "elles" or "ils", the pronoun for the plural */
  they?: string;
  /** French only: "des femmes" */
  des?: string;
  /** The group name written with a spelling trick, as trolls do */
  misspelt: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Fills a template's slots ({pl}, {Pl}, {sg}, {one}, {iam}, {they}, {They}, {des}, {bad}) for one group. */
export function fill(template: string, g: GroupForms): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const lower = slot.toLowerCase();
    const value = lower === 'bad' ? g.misspelt : (g as unknown as Record<string, string | undefined>)[lower];
    if (value === undefined) throw new Error(`slot {${slot}} has no value for ${g.pl}`);
    return slot === lower ? value : cap(value);
  });
}

/** Every template of a kind for every group, plus texts written out whole. */
export function expand(kind: string, expectValue: boolean, groups: GroupForms[], templates: string[], whole: string[] = []): FunctionalCase[] {
  const out: FunctionalCase[] = [];
  for (const t of templates) {
    if (!t.includes('{')) out.push({ kind, text: t, expect: expectValue });
    else for (const g of groups) out.push({ kind, text: fill(t, g), expect: expectValue });
  }
  for (const text of whole) out.push({ kind, text, expect: expectValue });
  return out;
}

export interface KindScore {
  kind: string;
  expect: boolean;
  total: number;
  right: number;
  accuracy: number;
  failures: string[];
}

/** Accuracy per kind, and the balanced accuracy of the suite (mean of the accuracy on each side). */
export function scoreSuite(suite: Suite, analyze: (text: string) => Analysis): { kinds: KindScore[]; balanced: number } {
  const byKind = new Map<string, KindScore>();
  let pos = 0, posRight = 0, neg = 0, negRight = 0;
  for (const c of suite.cases) {
    const got = suite.says(analyze(c.text), c);
    const ok = got === c.expect;
    const k = byKind.get(c.kind) ?? { kind: c.kind, expect: c.expect, total: 0, right: 0, accuracy: 0, failures: [] };
    k.total++;
    if (ok) k.right++;
    else k.failures.push(c.text);
    byKind.set(c.kind, k);
    if (c.expect) { pos++; if (ok) posRight++; } else { neg++; if (ok) negRight++; }
  }
  const kinds = [...byKind.values()].map((k) => ({ ...k, accuracy: k.right / k.total }));
  const balanced = pos === 0 || neg === 0 ? (posRight + negRight) / (pos + neg) : (posRight / pos + negRight / neg) / 2;
  return { kinds, balanced };
}
