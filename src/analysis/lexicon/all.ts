import { GROUP_TERMS, SLUR_TERMS } from './groups.js';
import { INSULT_TERMS } from './insults.js';
import { SEXUAL_TERMS } from './sexual.js';
import { TermList, type TermHit } from './terms.js';
import type { Token } from '../text/tokenize.js';

type Entry =
  | { list: 'group'; value: string }
  | { list: 'slur'; value: string }
  | { list: 'insult'; value: true }
  | { list: 'sexual'; value: 'strong' | 'weak' };

// One index over every word list, so each text is scanned once rather than once per list.
const ALL = new TermList<Entry>([
  ...GROUP_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'group', value: v }]),
  ...SLUR_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'slur', value: v }]),
  ...INSULT_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'insult', value: v }]),
  ...SEXUAL_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'sexual', value: v }]),
]);

export interface LexiconHits {
  groups: TermHit<string>[];
  slurs: TermHit<string>[];
  insults: TermHit<true>[];
  sexual: TermHit<'strong' | 'weak'>[];
}

export function findLexiconHits(tokens: Token[]): LexiconHits {
  const out: LexiconHits = { groups: [], slurs: [], insults: [], sexual: [] };
  for (const h of ALL.findAll(tokens)) {
    const e = h.value;
    if (e.list === 'group') out.groups.push({ ...h, value: e.value });
    else if (e.list === 'slur') out.slurs.push({ ...h, value: e.value });
    else if (e.list === 'insult') out.insults.push({ ...h, value: e.value });
    else out.sexual.push({ ...h, value: e.value });
  }
  return out;
}
