import type { Token } from '../text/tokenize.js';
import { memoOf } from '../text/word-memo.js';

// Function words, accent-folded: not keywords, and evidence of French or English for language detection.
export const FRENCH_STOPWORDS = new Set(
  `le la les l de des du d un une et est en que qui qu dans pour pas ne n sur au aux ce c cette ces se s sa son ses il
  elle ils elles on nous vous je j tu te t me m moi toi lui leur leurs y a ou mais donc car ni avec sans par plus tres
  tout tous toute toutes aussi comme si bien fait faire etre avoir ai as avons avez ont sont suis es etes etait ete
  mon ma mes ton ta tes notre nos votre vos quand quoi dont ou alors encore deja meme autre autres cela ca ici la
  aujourd hui rien jamais toujours peu trop chez entre vers apres avant depuis sous`.split(/\s+/),
);

export const ENGLISH_STOPWORDS = new Set(
  `the a an and or but if of to in on at for with from by about as is are was were be been being am do does did
  have has had i me my mine you your yours he him his she her hers it its we us our they them their this that these
  those there here what which who whom whose when where why how all any both each few more most other some such no
  nor not only own same so than too very can will just should would could now then also into out up down over under
  again further once im dont its youre thats cant wont isnt get got just like one amp rt`.split(/\s+/),
);

// Frequent words of other Latin-script languages that neither French nor English uses: a hint to ask fastText.
export const FOREIGN_STOPWORDS = new Set(
  `el los las una esta pero muy para por del como mas yo esto tambien ser ella estoy ist der und nicht ich mit auf ein
  eine zu wir sie das den von dem sind hat het een niet ik zijn wat maar voor nao voce muito isso ela eu sono della
  gli questo molto anche che sei bir ve bu da icin cok jest nie tak sie jak`.split(/\s+/),
);

export function isStopword(word: string): boolean {
  return FRENCH_STOPWORDS.has(word) || ENGLISH_STOPWORDS.has(word);
}

// What a token's word is, asked once per word (see word-memo.ts).
function stopwordKind(t: Token): number {
  const memo = memoOf(t);
  return (memo.stopword ??= (isStopword(t.text) ? 1 : 0) | (FOREIGN_STOPWORDS.has(t.text) ? 2 : 0));
}

/** `isStopword` of a token's word. */
export function isStopwordToken(t: Token): boolean {
  return (stopwordKind(t) & 1) !== 0;
}

/** Whether a token's word is in FOREIGN_STOPWORDS. */
export function isForeignToken(t: Token): boolean {
  return (stopwordKind(t) & 2) !== 0;
}
