/**
 * A French word replaced by another may change the article before it: "l'usager" → "le client", "le client" →
 * "l'usager", "du client" → "de l'usager", "un breuvage" → "une boisson". The edit for the article, if any, to go
 * with the replacement. The gender of the new word is a guess (french-words.ts); a wrong guess is one word to fix
 * by hand in a preview the writer sees before applying.
 */
import type { TextEdit } from '../findings.js';
import { matchCase } from './finding.js';
import { isFeminine, startsWithVowelSound } from './french-words.js';

const ELIDED = /(?:^|[^\p{L}])((?:(de|à|a)\s+)?(l|d|qu|jusqu|lorsqu|puisqu)(['’]))$/iu;
const FULL = /(?:^|[^\p{L}])(de la|à la|a la|le|la|un|une|cet|cette|ce|du|au|mon|ma|ton|ta|son|sa|de|que|je|me|te|se|ne)(\s+)$/iu;

export function articleEdit(text: string, start: number, replacement: string): TextEdit | null {
  const before = text.slice(Math.max(0, start - 16), start);
  const vowel = startsWithVowelSound(replacement);
  const feminine = isFeminine(replacement.split(/\s/)[0]);
  const apostrophe = /’/.test(text) ? '’' : "'";
  const elided = before.match(ELIDED);
  if (elided) {
    if (vowel) return null;
    const [, whole, prep, article] = elided;
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
  if (!plain) return null;
  const [, word, space] = plain;
  const w = word.toLowerCase();
  const elide = (stem: string) => (vowel ? stem + apostrophe : null);
  let r: string | null;
  switch (w) {
    case 'le': case 'la': r = vowel ? `l${apostrophe}` : feminine ? 'la' : 'le'; break;
    case 'un': case 'une': r = feminine ? 'une' : 'un'; break;
    case 'ce': case 'cet': case 'cette': r = feminine ? 'cette' : vowel ? 'cet' : 'ce'; break;
    case 'du': case 'de la': r = vowel ? `de l${apostrophe}` : feminine ? 'de la' : 'du'; break;
    case 'au': case 'à la': case 'a la': r = vowel ? `à l${apostrophe}` : feminine ? 'à la' : 'au'; break;
    case 'mon': case 'ma': r = vowel || !feminine ? 'mon' : 'ma'; break;
    case 'ton': case 'ta': r = vowel || !feminine ? 'ton' : 'ta'; break;
    case 'son': case 'sa': r = vowel || !feminine ? 'son' : 'sa'; break;
    case 'de': r = elide('d'); break;
    case 'que': r = elide('qu'); break;
    default: r = elide(w.slice(0, 1));
  }
  if (r === null || r === w) return null;
  const at = start - space.length - word.length;
  const glued = r.endsWith(apostrophe);
  return { start: at, end: glued ? start : at + word.length, replacement: matchCase(word, r) };
}
