import { COMPLAINT_WORDS, type ComplaintCue } from './complaint-words.js';
import { DEHUMANISING_TERMS } from './dehumanising.js';
import { SLUR_TERMS } from './groups.js';
import { findGroups } from './identity.js';
import { INSULT_TERMS } from './insults.js';
import { SEXUAL_TERMS } from './sexual.js';
import { SWEAR_WORDS } from './swearing.js';
import { TermList, type TermHit } from './terms.js';
import type { Token } from '../text/tokenize.js';

type Entry =
  | { list: 'slur'; value: string }
  | { list: 'insult'; value: true }
  | { list: 'dehumanising'; value: true }
  | { list: 'sexual'; value: 'strong' | 'weak' }
  | { list: 'complaint'; value: ComplaintCue }
  | { list: 'swearing'; value: true };

// One index over the word lists matched on skeletons, so each text is scanned once rather than once per list.
const ALL = new TermList<Entry>([
  ...SLUR_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'slur', value: v }]),
  ...INSULT_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'insult', value: v }]),
  ...DEHUMANISING_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'dehumanising', value: v }]),
  ...SEXUAL_TERMS.entries.map(([t, v]): [string, Entry] => [t, { list: 'sexual', value: v }]),
  ...COMPLAINT_WORDS.entries.map(([t, v]): [string, Entry] => [t, { list: 'complaint', value: v }]),
  ...SWEAR_WORDS.map((t): [string, Entry] => [t, { list: 'swearing', value: true }]),
], 'lexicon');

export interface LexiconHits {
  /** Names of protected groups ("women", "musulmans"), also when misspelt by a letter. */
  groups: TermHit<string>[];
  slurs: TermHit<string>[];
  insults: TermHit<true>[];
  dehumanising: TermHit<true>[];
  sexual: TermHit<'strong' | 'weak'>[];
  /** Words of problems, topics, praise and "but", for the complaint rules. */
  complaint: TermHit<ComplaintCue>[];
  /** Swear words ("putain", "fuck"), which may be exclamations rather than insults. */
  swearing: TermHit<true>[];
}

export function findLexiconHits(tokens: Token[]): LexiconHits {
  const out: LexiconHits = { groups: findGroups(tokens), slurs: [], insults: [], dehumanising: [], sexual: [], complaint: [], swearing: [] };
  for (const h of ALL.findAll(tokens)) {
    const e = h.value;
    if (e.list === 'slur') out.slurs.push({ ...h, value: e.value });
    else if (e.list === 'insult') out.insults.push({ ...h, value: e.value });
    else if (e.list === 'dehumanising') out.dehumanising.push({ ...h, value: e.value });
    else if (e.list === 'sexual') out.sexual.push({ ...h, value: e.value });
    else if (e.list === 'complaint') out.complaint.push({ ...h, value: e.value });
    else out.swearing.push({ ...h, value: e.value });
  }
  return out;
}
