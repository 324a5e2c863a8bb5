import { HATE_VOCABULARY } from '../lexicon/derogatory.js';
import { SLUR_TERMS } from '../lexicon/groups.js';
import { findGroups } from '../lexicon/identity.js';
import { polarityOf } from '../lexicon/polarity.js';
import { tokenize } from '../text/tokenize.js';
import { rule } from './plain.js';

// Words that condemn hate, or report it to object: their presence makes a slur or a hateful phrase a quote or a
// rebuttal rather than an attack. "I'm not racist but…" is the opposite and is excluded.
const CONDEMNATION = rule(String.raw`\b(?:racist|racism|sexist|sexism|homophobic|homophobia|transphobic|transphobia|bigot|bigots|bigotry|bigoted|hateful|hate speech|unacceptable|not ok|not okay|never ok|stop saying|stop calling|quit saying|quit calling|not acceptable|never acceptable|shame on|wrong to|hurtful|islamophobia|islamophobic|antisemitism|antisemitic|anti semitic|xenophobic|xenophobia|misogyny|misogynist|misogynistic|condemn|condemns|stand with|solidarity|appalled|shocked that|cant believe|can not believe|don t say|do not say|shouldnt say|should not say|is disgusting to|is not acceptable|statements like|saying that|people who say|those who say|raciste|racistes|racisme|sexiste|sexistes|sexisme|homophobe|homophobes|homophobie|transphobe|transphobie|islamophobie|islamophobe|antisemitisme|antisemite|antisemites|xenophobe|xenophobie|misogyne|misogynie|haineux|haineuse|discours de haine|inacceptable|inadmissible|intolerable|honte a|arretez de dire|arrete de dire|arretez de traiter|arrete de traiter|arreter de traiter|pas acceptable|n est pas acceptable|pas ok|condamne|condamnons|condamner|solidarite|on ne peut pas dire|il ne faut pas dire|ceux qui disent|celles qui disent|quand on dit|quand j entends|propos|tenir des propos|dire que|choquant|choquante|degueulasse de dire|signale|signalez|pas normal de|spreading hatred|spread hatred|spreading hate|spread hate|has to stop|must stop|needs to stop|have to stop|no place|says more about you|say more about you|says a lot about you|you re wrong|you are wrong|he is wrong|she is wrong|so much hatred|so much hate|such hatred|repands la haine|repandre la haine|propager la haine|propages la haine|doit cesser|doit s arreter|faut que ca cesse|n ont pas leur place|n a pas sa place|pas leur place|pas sa place|sectarisme|en dit plus sur toi|en dit long sur toi|en dit plus sur vous|tu as tort|vous avez tort|il a tort|elle a tort|tant de haine|tellement de haine|autant de haine|arrive pas a croire|n en reviens pas|can t believe|cannot believe)\b`);
// Words that judge what was said, when what was said is quoted or reported ("'… are rats' - vile", "he said …, I
// reported him"). Alone, "disgusting" may be the hateful statement itself, so these need the quote or the report.
const JUDGED = rule(String.raw`\b(?:vile|disgusting|gross|shameful|shame|appalling|awful|horrible|horrific|sickening|despicable|abhorrent|outrageous|ignorant|reported|report him|report her|report them|reporting|flagged|blocked|block him|banned|get banned|be banned|suspended|banni|bannie|bannis|suspendu|suspendue|unacceptable|not okay|not ok|so wrong|ignoble|ignobles|honteux|honteuse|honte|degueulasse|degoutant|inadmissible|scandaleux|scandaleuse|choquant|choquante|revoltant|revoltante|abject|abjecte|lamentable|signale|signalee|signaler|bloque|bloquee|denonce|porte plainte|pas acceptable|pas normal|quelle phrase|what a thing to say)\b`);
const NOT_X_BUT = rule(String.raw`\b(?:not|pas|ne suis pas|m not|am not) (?:a |un |une )?(?:racist|sexist|homophobic|raciste|sexiste|homophobe)\w* (?:but|mais)\b`);
const QUOTE_RE = /["“”«»]|''/;
const REPORTED = rule(String.raw`\b(?:said|says|say|saying|told|called|tweet|tweets|tweeted|post|posts|posted|write|wrote|written|writes|ecris|ecrivez|claims|claimed|shouted|yelled|a dit|dit|disent|ont dit|disait|ecrit|a ecrit|ont ecrit|tweete|poste|crie|traite|traiter|traitee|traites|m a traite|nous a traite|appelle|appeler|insulte|insulter)\b`);

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
  JUDGED.lastIndex = 0;
  const quoted = QUOTE_RE.test(raw);
  const reported = REPORTED.test(plain);
  const condemns = (CONDEMNATION.test(plain) && !NOT_X_BUT.test(plain)) || ((quoted || reported) && JUDGED.test(plain));
  if (!quoted || reported) return { counterSpeech: condemns, quoted: quoted && reported };
  // Quotation marks without a verb of saying: the quote is reported if it is condemned or judged from outside.
  const judged = judgedQuote(raw, condemns);
  return { counterSpeech: condemns || judged, quoted: judged };
}

const QUOTED_RE = /["“«]([^"“”«»]{3,300})["”»]/g;

/**
 * Hostile words about a group inside quotation marks, and a condemnation or a cold word outside them that names
 * no group ('"… are vermin" is the kind of garbage I read', '« … sont des ordures » : quelle horreur'): the quote
 * is judged, not said. Outside words that name a group, or a quote without hostile words, are not this.
 */
function judgedQuote(raw: string, condemned: boolean): boolean {
  let inside = '';
  for (const m of raw.matchAll(QUOTED_RE)) inside += ` ${m[1]} .`;
  if (inside === '') return false;
  const inTokens = tokenize(inside);
  const target = findGroups(inTokens).length > 0 || SLUR_TERMS.findAll(inTokens).length > 0;
  if (!target || !HATE_VOCABULARY.findAll(inTokens).some((h) => h.value !== 'PRAISE')) return false;
  const outTokens = tokenize(raw.replace(QUOTED_RE, ' . '));
  if (findGroups(outTokens).length > 0) return false;
  return condemned || outTokens.some((t) => (t.kind === 'word' || t.kind === 'emoji') && polarityOf(t.text) < 0);
}

// First person owning a slur ("as a proud queer", "nous les gouines") is reclaimed use, not an attack.
const RECLAIMED = rule(String.raw`\b(?:i m|im|i am|we re|we are|as a|as an|us|my fellow|proud|fier|fiere|fiers|je suis|on est|nous sommes|nous les|entre)(?: to be| of being| d etre| d etre une| d etre un)?(?: a| an| un| une| des| proud| fier| fiere)? SLUR\b`);

// Slurs that are also ordinary words, told by the words around them: a cigarette, a sea wall, a bundle of sticks,
// a fly swatter, eyes narrowed by tiredness, a medical term.
const HOMONYM = new Map<string, RegExp>([
  ['fag', /\b(?:smoke|smoking|smoked|light|lit|lighter|break|packet|pack|ciggie|cigarette|rolled|roll|ash)\b/],
  ['fags', /\b(?:smoke|smoking|packet|pack|cigarettes|lighter)\b/],
  ['dyke', /\b(?:sea|water|flood|floods|river|canal|dutch|wall|dam|marsh|ditch|polder|village|breach|tide)\b/],
  ['dykes', /\b(?:sea|water|flood|floods|river|canal|dutch|wall|dam|marsh|ditch|polder|tide)\b/],
  ['faggot', /\b(?:sticks|stick|wood|firewood|fire|kindling|bundle|meatball|meatballs|gravy|oven)\b/],
  ['faggots', /\b(?:sticks|wood|firewood|fire|kindling|bundle|meatballs|gravy|oven)\b/],
  ['spastic', /\b(?:colon|paralysis|diplegia|cerebral|muscle|muscles|bladder|quadriplegia)\b/],
  ['tapette', /\b(?:mouches|mouche|ping|pong|souris|rats|raquette)\b|\bprendre une\b|\bpris une\b/],
  ['bridé', /\b(?:yeux|oeil|fatigue|sommeil)\b/],
  ['bridés', /\b(?:yeux|oeil|fatigue|sommeil)\b/],
]);

/** A slur used as the ordinary word it also is, told by the words within a few of it (folded, as the tokens). */
export function isHomonym(term: string, around: string): boolean {
  const re = HOMONYM.get(term);
  return re !== undefined && re.test(around);
}

export function isReclaimed(plainWithSlur: string): boolean {
  RECLAIMED.lastIndex = 0;
  return RECLAIMED.test(plainWithSlur);
}
