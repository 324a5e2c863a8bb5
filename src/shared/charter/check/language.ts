/**
 * French or English, from function words, French letters and spacing: enough to pick which rules apply (tu/vous, register,
 * typography) on every keystroke without shipping a model to the browser. Null when the text is too short to tell.
 */
import type { Message } from './text.js';

const FRENCH = new Set([
  'le', 'la', 'les', 'des', 'du', 'un', 'une', 'et', 'est', 'sont', 'pour', 'dans', 'avec', 'sur', 'pas', 'ne', 'que',
  'qui', 'vous', 'nous', 'votre', 'notre', 'vos', 'nos', 'tu', 'ton', 'ta', 'tes', 'je', 'il', 'elle', 'ce', 'cette',
  'ces', 'mais', 'ou', 'tres', 'plus', 'merci', 'bonjour', 'au', 'aux', 'se', 'sa', 'son', 'ses', 'leur', 'leurs', 'qu',
  'c', 'd', 'l', 'j', 'n', 's', 'etre', 'avez', 'pouvez', 'peux', 'toute', 'tous', 'tout', 'bien', 'aussi', 'comme',
  'chez', 'sans', 'ici', 'oui', 'non', 'encore', 'deja', 'bonne', 'journee', 'soiree', 'nouveau', 'nouvelle', 'alors',
]);
const ENGLISH = new Set([
  'the', 'and', 'is', 'are', 'you', 'we', 'to', 'of', 'for', 'with', 'this', 'that', 'it', 'your', 'our', 'thank', 'thanks',
  'hello', 'hi', 'not', 'be', 'have', 'has', 'will', 'can', 'do', 'does', 'in', 'at', 'please', 'my', 'was', 'were', 'from',
  'they', 'them', 'what', 'when', 'here', 'there', 'all', 'just', 'get', 'new', 'now', 'more', 'about', 'if', 'or', 'an',
  'i', 'its', 'don', 'won', 'can', 't', 're', 'll', 've', 'by', 'our', 'us', 'out', 'up', 'so', 'day', 'today', 'team',
]);

export function detectLanguage(message: Message): 'fr' | 'en' | null {
  let fr = 0;
  let en = 0;
  for (const w of message.words) {
    if (w.inLink || w.inHashtag) continue;
    if (FRENCH.has(w.folded)) fr++;
    if (ENGLISH.has(w.folded)) en++;
  }
  // Letters English does not use: strong hints in a short text.
  const accents = message.text.match(/[éèêëàâîïôûùüçœ]/giu)?.length ?? 0;
  fr += Math.min(accents, 4) * 0.5;
  // French spacing before ! ? ; : ("Merci !") is a strong hint too.
  if (/[\p{L}\p{N}][ \u00a0\u202f][!?;:](?:\s|$)/u.test(message.text)) fr += 1;
  if (fr + en < 1.5) return null;
  if (fr > en * 1.3) return 'fr';
  if (en > fr * 1.3) return 'en';
  return null;
}
