import type { Predict } from './model/bank.js';
import { tokenContributions, type LinearModel } from './model/linear.js';
import { HATE_VOCABULARY, nearHateWord } from './lexicon/derogatory.js';
import { polarityOf } from './lexicon/polarity.js';
import { isStopwordToken } from './lexicon/stopwords.js';
import type { TermHit } from './lexicon/terms.js';
import type { FeatureVector } from './text/features.js';
import type { Token } from './text/tokenize.js';

// The hate models learnt from sets where groups are mostly named to be attacked, so naming a group pushes a plain
// statement about it towards hate ("Disabled people use this entrance" 0.69, "Les femmes représentent une part
// importante de la population" 0.52). When nothing in the text says anything against the group, that push is taken
// out: the names' own weight, and a fixed share for the company the models learnt to read around a name (the French
// model puts its weight on "les … représentent", not on the name).
//
// "Nothing against the group" is read in four ways, all cheap: the hate rules found nothing (no hateful pattern or
// denial of one, slur, insult, swear word, sexual word, hostile word of the hate vocabulary, threat; checked by the
// caller) and the sentiment model reads the text as not negative; no word here that presses on a group without being
// a listed hostile word (a negation, an obligation, an excess, a change for the worse, a comparison, a
// generalisation: "… are not our equals", "… should all be …", "too many …", "… will break our society", "… look
// like this ferret", "… always …"), no cold word of the polarity lexicon ("… are horrible"), no French label put on
// the group ("… sont des …"); and no other word the model weighs heavily (hate spelt to slip past the lists,
// "Ihatewomen", weighs on the model through its letters).

// Accent-folded words, as tokens carry them.
const PRESSING = new Set(`
  not no never nothing none nobody nor neither without cannot cant dont doesnt didnt wont isnt arent shouldnt
  should must ought deserve deserves deserved need needs allowed allow allowing let letting permitted tolerate
  too enough many much only just always every all real even really why
  ruin ruins ruined ruining destroy destroys destroyed destroying invade invaded invading invasion replace replacing
  replaced take taking took steal stealing stole flood flooding flooded overrun swarm outbreed breed breeding
  leave gone out back home rid stop sick tired fed problem issue blame fault
  like alike resemble resembles look looks than better superior superiority supremacy supremacist below beneath
  trust trusted break breaks erase erases cure cured permission disagree ugh argh yuck eww
  extermination exterminate genocide terrorism terror scourge arrogant manipulative egregious fight fighting
  ne n pas jamais rien aucun aucune personne sans nul nulle
  devraient devrait doivent doit faut faudrait faudra merite meritent meriter autoriser autorises autorisees laisser
  tolerer trop assez tous toutes toujours seulement que qu vraiment meme pourquoi
  detruisent detruit detruire ruinent ruine envahissent envahi envahir invasion remplacent remplacer remplacement
  volent voler pillent piller profitent profiter partir dehors rentrer marre probleme faute
  combattre combattons combattez combat ressemblent ressemble superieurs superieures pire pires
`.split(/\s+/).filter(Boolean));
// "Les … sont des …", "… est une …": what the group is said to be, in the form French labels take.
const LABEL_NEXT = new Set(['des', 'de', 'd', 'du', 'une', 'un']);

/** No word of the text presses on a group, though none is a listed hostile word. */
export function pressesNothing(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    // "-phobe" words ("islamophobes", "homophobes") take a side on the group, whichever.
    if (PRESSING.has(t.text) || t.text.includes('phob') || polarityOf(t.text) < 0) return false;
    if ((t.text === 'sont' || t.text === 'est') && LABEL_NEXT.has(tokens[i + 1]?.text ?? '')) return false;
  }
  return true;
}

// Function words are not counted ("are" weighs 0.8 in "Women are 12% of the workforce"). Tried at 0.7, 0.9, 1.2 and
// without a bound: 0.7 keeps some of the suites' facts flagged; without one, names glued to a hateful word
// ("Ihatewomen") are let through; 1.2 gives the best French dev figure.
const OTHER_MAX = 1.2;
// The fixed share, in log-odds, on top of the names' own weight. Tried at 0.5, 0.75 and 1: every setting clears the
// suites' facts; 1 gives the best English dev figures (Kennedy, HatEval) and costs no other.
const COMPANY_SHIFT = 1;
/** The sentiment model's negative probability from which a text is not read as calm enough. Tried at 0.5-0.7. */
export const NAMED_NEGATIVE = 0.5;

/**
 * The model's raw probability with the group names' pushes and the fixed share taken out, when no other word pushes
 * hard (undefined otherwise). `removed` is what was taken out, in log-odds.
 */
export function withoutNames(
  model: LinearModel, p: number, groups: TermHit<string>[], tokens: Token[], predict: Predict, fv: FeatureVector,
): { p: number; removed: number } | undefined {
  const count = tokens.length;
  const contrib = predict.contributions ? predict.contributions(model, count) : tokenContributions(model, fv, count);
  let g = 0;
  let removed = COMPANY_SHIFT;
  for (let i = 0; i < count; i++) {
    while (g < groups.length && groups[g].end <= i) g++;
    const named = g < groups.length && groups[g].start <= i;
    if (named) removed += Math.max(0, contrib[i]);
    else if (contrib[i] > OTHER_MAX && !isStopwordToken(tokens[i])) return undefined;
  }
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return { p: 1 / (1 + Math.exp(-(Math.log(q / (1 - q)) - removed))), removed };
}

// A generalisation pins a deed or a lot on the whole group ("… ne paient jamais leurs impôts", "too many …",
// "… are all the same"), however calm its words: a calm tone is no reason to discount such a text. Read
// only in the sentence that names the group, so that "Les impôts sont trop élevés. Les femmes votent." is left calm.
const ALWAYS = new Set(['never', 'always', 'forever', 'jamais', 'toujours']);
const TOO = new Set(['too', 'trop']);
// ("Too long" is left to the rules: "… have waited far too long for equal pay" presses on no one.)
const TOO_WHAT = new Set(['many', 'much', 'nombreux', 'nombreuses', 'de', 'd']);
const CLAUSE_END = /[.!?;:]/;

/** A word of the sentence naming the first group puts a deed or a lot on all of it ("never", "too many", "tous les mêmes"). */
export function generalises(tokens: Token[], groups: TermHit<string>[]): boolean {
  if (groups.length === 0) return false;
  let from = groups[0].start;
  while (from > 0 && !(tokens[from - 1].kind === 'punct' && CLAUSE_END.test(tokens[from - 1].text))) from--;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && CLAUSE_END.test(t.text)) break;
    if (t.kind !== 'word') continue;
    if (ALWAYS.has(t.text)) return true;
    if (TOO.has(t.text) && TOO_WHAT.has(tokens[i + 1]?.text ?? '')) return true;
    // "all of them", "tous les mêmes", "tous pareils", "tous autant qu'ils sont".
    const next = tokens[i + 1]?.text;
    if (t.text === 'all' && next === 'of' && tokens[i + 2]?.text === 'them') return true;
    if ((t.text === 'tous' || t.text === 'toutes') && (next === 'pareils' || next === 'pareilles' || next === 'autant' || (next === 'les' && (tokens[i + 2]?.text === 'memes')))) return true;
  }
  return false;
}

// A text naming no group can still aim at one it does not name: by a pronoun or a word standing for people ("They
// should all be sent back", "those people", "leur culture"), or by words that stand for where a group comes from or
// what it is ("foreigners", "our country", "la race"). Such a text is left to the model, as adversarial hate
// written to slip past the lists is (DynaHate).
const STANDS_FOR = new Set(`
  they them their theirs themselves these those people peoples folk folks kind race races breed foreign foreigner
  foreigners country countries nation nations culture cultures religion religions white whites tribe tribes
  ethnic origin origins border borders illegal illegals alien aliens invader invaders outsider outsiders
  ils elles eux leur leurs gens peuple peuples etranger etrangers etrangere etrangeres pays nation nations origine
  origines frontiere frontieres religion culture cultures blanc blancs blanche blanches ethnie ethnies
  clandestin clandestins envahisseur envahisseurs
`.split(/\s+/).filter(Boolean));

// Only short plain texts are read so: a capital inside a sentence may be a group the lists miss ("Argies suck",
// "Dear Buddhists"), a word spelt with signs or spaced letters hides one ("n/ggers", "b l a c k"), a hashtag or a
// name carries a debate ("#sexisme"), and words of hate's own topics ("nazi", "holocaust", "féminisme") speak of it.
const NO_ONE_MAX_TOKENS = 30;
// And only a text about an everyday matter with no one in it, which a grievance names: the lists of groups miss many
// ("Romanians", "travellers"), so a text with no such matter is left to the model.
const EVERYDAY = new Set(`
  tax taxes price prices rent rents bill bills fee fees fare fares petrol fuel electricity heating energy
  weather rain snow heat cold wind traffic road roads pothole potholes jam queue train trains bus buses tram metro
  flight delay delays parking referee match game team government council minister mayor parliament election
  landlord wifi internet phone post office shop supermarket inflation wages salary pension budget
  impot impots prix loyer loyers facture factures essence carburant electricite chauffage energie meteo temps pluie
  neige chaleur froid vent circulation bouchons bouchon route routes trou trous nid nids file train trains bus tram
  metro vol retard arbitre match equipe gouvernement mairie ministre maire assemblee election proprietaire poste
  magasin supermarche inflation salaire salaires retraite retraites budget
`.split(/\s+/).filter(Boolean));
const HIDDEN_NAME_RE = /[^.!?\s]\s+(?!I\b)[A-ZÀ-Ý]/;
const SPACED_RE = /(?:^|\s)\S(?:\s\S){3,}(?:\s|$)/;
const OBFUSCATED_RE = /[\p{L}][0-9@$*!/\\|#_.-]+[\p{L}]/u;
const HATE_TOPIC_RE = /fuck|shit|damn|crap|merde|putain|bordel|faggot|immigr|migra|asyl|racis|sexis|nazi|hitler|holocaust|shoah|femini|genocid|jihad|islam|terror|supremac|slave|esclav|lynch|rape|viol|kill|tuer|shoot|hang|exterminat|deport|expuls|gas|burn|bruler|murder|die$|death|mort/;

/**
 * Nothing in the text for hate to aim at, once the caller has found no group, slur, insult, swear word, sexual
 * word, threat or hateful pattern: a short plain text about an everyday matter (taxes, prices, the weather, a train,
 * the government), with no word of the hate vocabulary (praise aside) nor one respelt from it, no pronoun or word
 * standing for people or for where they come from, no capital inside a sentence, hashtag, name or hidden spelling.
 */
export function aimsAtNoOne(tokens: Token[], raw: string): boolean {
  // The everyday matter first: a set lookup per word, which nearly every text fails, before any expression runs.
  if (tokens.length > NO_ONE_MAX_TOKENS || !tokens.some((t) => t.kind === 'word' && EVERYDAY.has(t.text))) return false;
  if (HIDDEN_NAME_RE.test(raw) || SPACED_RE.test(raw) || OBFUSCATED_RE.test(raw)) return false;
  if (HATE_VOCABULARY.findAll(tokens).some((h) => h.value !== 'PRAISE')) return false;
  for (const t of tokens) {
    if (t.kind === 'hashtag' || t.kind === 'mention') return false;
    if (t.kind !== 'word') continue;
    if (STANDS_FOR.has(t.text) || HATE_TOPIC_RE.test(t.text)) return false;
    if (!isStopwordToken(t)) {
      const cls = nearHateWord(t.skel);
      if (cls && cls !== 'PRAISE') return false;
    }
  }
  return true;
}
