/**
 * A French word replaced by another may change the article before it: "l'usager" → "le client",
 * "le client" → "l'usager", "du client" → "de l'usager". The edit for the article, if any, to go with the replacement.
 */
import type { TextEdit } from '../findings.js';
import { matchCase } from './finding.js';
import { isFeminine, startsWithVowelSound } from './french-words.js';

const ELIDED = /(?:^|[^\p{L}])((?:(de|à|a)\s+)?(l|d|qu|jusqu|lorsqu|puisqu)(['’]))$/iu;
const FULL = /(?:^|[^\p{L}])(le|la|de|que|du|au|ce|je|me|te|se|ne)(\s+)$/iu;

export function articleEdit(text: string, start: number, replacement: string): TextEdit | null {
  const before = text.slice(Math.max(0, start - 16), start);
  const vowel = startsWithVowelSound(replacement);
  const elided = before.match(ELIDED);
  if (elided && !vowel) {
    const [, whole, prep, article] = elided;
    const feminine = isFeminine(replacement.split(/\s/)[0]);
    const a = article.toLowerCase();
    let full: string;
    if (a === 'l') {
      const p = prep?.toLowerCase();
      if (p === 'de') full = feminine ? 'de la ' : 'du ';
      else if (p === 'à' || p === 'a') full = feminine ? 'à la ' : 'au ';
      else full = feminine ? 'la ' : 'le ';
    } else full = `${a === 'd' ? 'de' : a === 'qu' ? 'que' : a + 'e'} `;
    return { start: start - whole.length, end: start, replacement: matchCase(whole, full) };
  }
  const plain = before.match(FULL);
  if (plain && vowel) {
    const [, word, space] = plain;
    const apostrophe = /’/.test(text) ? '’' : "'";
    const w = word.toLowerCase();
    const map: Record<string, string> = {
      le: `l${apostrophe}`, la: `l${apostrophe}`, de: `d${apostrophe}`, que: `qu${apostrophe}`, du: `de l${apostrophe}`,
      au: `à l${apostrophe}`, ce: 'cet ', je: `j${apostrophe}`, me: `m${apostrophe}`, te: `t${apostrophe}`, se: `s${apostrophe}`,
      ne: `n${apostrophe}`,
    };
    const at = start - space.length - word.length;
    return { start: at, end: start, replacement: matchCase(word, map[w]) };
  }
  return null;
}
