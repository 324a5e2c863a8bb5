import { rule } from './plain.js';

// Words that condemn hate, or report it to object: their presence makes a slur or a hateful phrase a quote or a
// rebuttal rather than an attack. "I'm not racist but…" is the opposite and is excluded.
const CONDEMNATION = rule(String.raw`\b(?:racist|racism|sexist|sexism|homophobic|homophobia|transphobic|transphobia|bigot|bigots|bigotry|bigoted|hateful|hate speech|unacceptable|not ok|not okay|never ok|stop saying|stop calling|quit saying|shame on|wrong to|hurtful|islamophobia|islamophobic|antisemitism|antisemitic|anti semitic|xenophobic|xenophobia|misogyny|misogynist|misogynistic|condemn|condemns|stand with|solidarity|appalled|shocked that|cant believe|can not believe|don t say|do not say|shouldnt say|should not say|is disgusting to|is not acceptable|statements like|saying that|people who say|those who say|raciste|racistes|racisme|sexiste|sexistes|sexisme|homophobe|homophobes|homophobie|transphobe|transphobie|islamophobie|islamophobe|antisemitisme|antisemite|antisemites|xenophobe|xenophobie|misogyne|misogynie|haineux|haineuse|discours de haine|inacceptable|inadmissible|intolerable|honte a|arretez de dire|arrete de dire|pas ok|condamne|condamnons|condamner|solidarite|on ne peut pas dire|il ne faut pas dire|ceux qui disent|celles qui disent|quand on dit|quand j entends|propos|tenir des propos|dire que|choquant|choquante|degueulasse de dire|signale|signalez|pas normal de)\b`);
const NOT_X_BUT = rule(String.raw`\b(?:not|pas|ne suis pas|m not|am not) (?:a |un |une )?(?:racist|sexist|homophobic|raciste|sexiste|homophobe)\w* (?:but|mais)\b`);
const QUOTE_RE = /["“”«»]|''/;
const REPORTED = rule(String.raw`\b(?:said|says|say|saying|told|called|tweeted|wrote|writes|claims|a dit|dit|disent|ont dit|ecrit|traite|traiter|traitee|traites|m a traite|nous a traite|appelle|appeler|insulte|insulter)\b`);

export interface SpeechContext {
  /** The text condemns or reports hateful words rather than using them. */
  counterSpeech: boolean;
  /** The text contains quotation marks around reported words. */
  quoted: boolean;
}

export function speechContext(raw: string, plain: string): SpeechContext {
  CONDEMNATION.lastIndex = 0;
  NOT_X_BUT.lastIndex = 0;
  REPORTED.lastIndex = 0;
  const condemns = CONDEMNATION.test(plain) && !NOT_X_BUT.test(plain);
  const quoted = QUOTE_RE.test(raw);
  return { counterSpeech: condemns, quoted: quoted && REPORTED.test(plain) };
}

// First person owning a slur ("as a proud queer", "nous les gouines") is reclaimed use, not an attack.
const RECLAIMED = rule(String.raw`\b(?:i m|im|i am|we re|we are|as a|as an|us|my fellow|proud|fier|fiere|fiers|je suis|on est|nous sommes|nous les|entre)(?: a| an| un| une| des| proud| fier| fiere)? SLUR\b`);

export function isReclaimed(plainWithSlur: string): boolean {
  RECLAIMED.lastIndex = 0;
  return RECLAIMED.test(plainWithSlur);
}
