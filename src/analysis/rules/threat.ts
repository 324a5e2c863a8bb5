import type { Token } from '../text/tokenize.js';
import { memoOf } from '../text/word-memo.js';
import type { Reason } from '../types.js';
import { isNegated, matches, rule } from './plain.js';
import { keyWords, RuleGate } from './phrases.js';

// Verbs that threaten by themselves, and verbs that only do with a person as object ("find you", "te retrouver").
const EN_VIOLENT =
  'kill|murder|shoot|stab|hurt|rape|hang|slit|strangle|choke|drown|behead|lynch|slaughter|butcher|execute|torture|punch|beat up|poison|' +
  '(?:find|hunt|hunt down|end|get|come for|come after|go after|beat|break|burn|smash|bomb|gas|destroy) (?:you|u|ya|them|him|her|all|every one of you)';
const EN_PERSON = '(?:you|u|ya|ur|your|yo|him|her|them|his|their|you all|all of you|every one of you|everyone|that bitch|that guy|that man|that woman|these people|those people)';
const EN_BODY = '(?:neck|legs|arms|face|jaw|nose|bones|skull|head|throat|teeth|back|knees|fingers|every bone in)';
const FR_VIOLENT =
  'tuer|buter|egorger|massacrer|poignarder|decapiter|violer|lyncher|abattre|fusiller|gazer|exterminer|tabasser|etrangler|noyer|torturer|executer|faire la peau|' +
  'faire souffrir|casser la gueule|peter la gueule|casser les dents|casser tous les os|casser les os|tirer une balle|tirer dessus|mettre une balle|bruler vif|bruler vive';
const FR_VIOLENT_WITH_OBJECT =
  'retrouver|frapper|defoncer|demonter|bruler|pendre|fumer|planter|exploser|eclater|niquer|crever|cramer|saigner|achever|choper|attraper|egorger|ecraser|cogner|buter|tuer|briser|trouer|degommer';
const FR_PARTICIPLE =
  'tue|tues|tuee|tuees|fusille|fusilles|fusillee|fusillees|pendu|pendus|pendue|pendues|abattu|abattus|abattue|abattues|brule|brules|brulee|brulees|gaze|gazes|gazee|gazees|' +
  'egorge|egorges|egorgee|egorgees|execute|executes|executee|executees|lynche|lynches|lynchee|massacre|massacres|massacree|bute|butes|butee|tabasse|tabasses|tabassee|' +
  'elimine|elimines|eliminee|extermine|extermines|exterminee|decapite|decapites|decapitee|torture|tortures|torturee|egorgee|creve|crevee|creves|enterre|enterres|enterree';

// Each pattern is only tried on a text holding one of its key words: most texts hold none.
const PATTERNS: [name: string, re: RegExp, needs: Set<string>][] = [
  ['threat-first-person', rule(String.raw`\b(?:i|we|ima|imma|im)(?: \w+){0,2}? (?:will|l|ll|m going to|am going to|re going to|are going to|gonna|going to|wanna|want to|shall|would|d|am gonna|m gonna|re gonna|cant wait to|can not wait to|should|gon|m about to|am about to|would love to|swear i will|swear ill)(?: \w+)? (?:${EN_VIOLENT})\b(?! (?:you|u|me|him|her|them|us) (?:an|a|the) (?:email|mail|message|text|line|dm|note|pic|photo|link|invite|call|look|smile|wink))(?! (?:it|this|that|time|the game|the record|my|a record|the exam|the test|the competition|the market|the box office|on saturday|on sunday|your score|my score))(?! (?:some |a |the |a few |few |our |more )?(?:photos|photo|pics|pictures|picture|video|videos|film|footage|scenes|scene|hoops|the breeze|portraits|shots)\b)`), keyWords('kill murder shoot stab hurt rape hang slit strangle choke drown behead lynch slaughter butcher execute torture punch beat poison find hunt break burn smash bomb gas destroy')],
  ['threat-first-person', rule(String.raw`\b(?:i|we|im|ima|imma)(?: \w+){0,3}? (?:make|watch|see) ${EN_PERSON} (?:suffer|bleed|scream|beg|burn|die|pay|cry)\b`), keyWords('suffer bleed scream beg burn die pay cry')],
  ['threat-first-person', rule(String.raw`\b(?:i|we)(?: \w+){0,3}? (?:break|smash|snap|cut|rip|slit|crush|bash|cave) (?:every bone in |all the bones in )?${EN_PERSON} (?:${EN_BODY}|body)\b`), keyWords('break smash snap cut rip slit crush bash cave')],
  ['threat-first-person', rule(String.raw`\b(?:i|we)(?: \w+){0,3}? (?:burn|torch|blow up|bomb|trash|smash) (?:your|his|her|their) (?:house|home|car|shop|place|family)\b`), keyWords('burn torch blow bomb trash smash')],
  ['threat-first-person', rule(String.raw`\b(?:i m|im|i am|we re|we are) (?:coming|going|gonna come) (?:for|after) (?:you|u|ya|him|her|them|your family)\b`), keyWords('coming going gonna')],
  ['threat-first-person', rule(String.raw`\b(?:i|we)(?: \w+){0,3}? (?:run|mow|gun) ${EN_PERSON} (?:over|down|out)\b(?! (?:to|for) (?:dinner|lunch|drinks|a drink|a coffee|coffee))`), keyWords('run mow gun')],
  // Coming for the person and the family named with them: "I'm coming to get you and your family". (Not a lift
  // to somewhere: "… at the station".)
  ['threat-first-person', rule(String.raw`\b(?:i|we|i m|im|we re)(?: \w+){0,2}? (?:coming|come|going) to (?:get|find) (?:you|u|ya)(?: \.)?(?: \w+){0,2}? (?:you|u) and (?:your|ur|all your) (?:family|wife|husband|kids|children|mother|mom|mum|daughter|son|loved ones)\b(?!(?: \.)? (?:at|from|to|for|tomorrow|tonight|after)\b)`), keyWords('get find')],
  ['threat-you-will', rule(String.raw`\byou(?: re| are| will| l| ll)?(?: going to| gonna)? (?:die|be dead|pay for this|pay for that|regret this|regret that|regret it|be next|be sorry|dead meat|a dead man|a dead woman|dead soon)\b`), keyWords('die dead pay regret next sorry meat')],
  ['threat-call', rule(String.raw`\b(?:should|must|deserve to|deserves to|needs? to|ought to|hope you|hope they|hope he|hope she|hope u|wish you would|wish you)(?: all)?(?: be| get| got)? (?:die|dies|killed|shot|hanged|hung|executed|burned|burnt|gassed|exterminated|lynched|raped|beheaded|tortured|stabbed|beaten|beaten to death|strangled|drowned|run over|put down|burn|rot|suffer|get cancer|in a fire)\b`), keyWords('die dies killed shot hanged hung executed burned burnt gassed exterminated lynched raped beheaded tortured stabbed beaten strangled drowned run put burn rot suffer cancer fire')],
  ['threat-call', rule(String.raw`\b(?:put|pop|shove|stick) a (?:bullet|cap|knife|blade) (?:in|into|through|between) (?:your|his|her|their|ur|you|u|ya|him|them)\b`), keyWords('bullet cap knife blade')],
  ['threat-call', rule(String.raw`\b(?:deserve|deserves|deserved|earned|need|needs|asking for|begging for) (?:a|the) (?:bullet|noose|rope|beating|good beating)\b`), keyWords('bullet noose rope beating')],
  // Veiled: "would be a shame if something happened to your kids".
  ['threat-veiled', rule(String.raw`\b(?:would be|d be|could be) (?:a )?(?:shame|pity|sad|terrible) if (?:something|anything) (?:bad )?(?:happened|were to happen|happens|was to happen) to (?:you|u|your|ur|him|her|them|his|their)\b`), keyWords('shame pity sad terrible')],
  ['threat-slogan', rule(String.raw`\b(?:death to|kill all|kill every|kill them all|exterminate|gas the|lynch the|hang them|shoot them|burn them|i know where you live|i know where u live|we know where you live|watch your back|sleep with one eye open|your days are numbered|you are a dead man|you re a dead man|you re dead meat)\b`), keyWords('death kill exterminate gas lynch hang shoot burn know watch sleep days dead')],
  ['menace-premiere-personne', rule(String.raw`\b(?:je|j|on|nous)(?: \w+){0,2}? (?:vais|va|allons|veux|voudrais|compte|devrais|vas|finira par|vais aller|reve de|aimerais|jure de|jure que je vais)(?: \w+)?(?:(?: te| t| vous| les| le| la| l| lui| leur)? (?:${FR_VIOLENT})|(?: te| t| vous| lui) (?:${FR_VIOLENT_WITH_OBJECT}))\b(?! (?:le temps|l ennui|le game|la partie|le match|le record|mon record|ce match))`), keyWords(FR_VIOLENT, FR_VIOLENT_WITH_OBJECT)],
  ['menace-premiere-personne', rule(String.raw`\b(?:je|on) (?:te|t|vous) (?:demonte|defonce|bute|tue|crame|eclate|explose|nique|egorge|plante|fume|casse la gueule|pete la gueule|massacre|tabasse|etrangle|ecrase|creve|saigne|troue|degomme|pends|pend|brule)\b`), keyWords('demonte defonce bute tue crame eclate explose nique egorge plante fume casse pete massacre tabasse etrangle ecrase creve saigne troue degomme pends pend brule')],
  ['menace-premiere-personne', rule(String.raw`\b(?:je|j|on|nous)(?: \w+){0,2}? (?:vais|va|allons|veux|compte)(?: \w+)? (?:bruler|cramer|faire sauter|incendier|detruire) (?:ta|sa|ton|son|votre|leur|vos|tes) (?:maison|voiture|baraque|appart|appartement|famille|boutique|magasin)\b`), keyWords('bruler cramer sauter incendier detruire')],
  // Venir chercher la personne et sa famille nommée avec elle : « je viens te chercher, toi et ta famille ». (Pas pour
  // l'emmener quelque part : « … à la gare ».)
  ['menace-premiere-personne', rule(String.raw`\b(?:je|j|on|nous)(?: \w+){0,2}? (?:viens|vais venir|va venir|venons|allons venir|vais aller|va aller|allons) (?:te|t|vous) (?:chercher|trouver|retrouver)(?: \.)?(?: \w+){0,2}? (?:toi|vous) et (?:ta|tes|ton|votre|vos|toute ta|toute votre) (?:famille|femme|mari|enfants|gosses|proches|mere|fille|fils)\b(?!(?: \.)? (?:a|au|aux|en|demain|ce soir|vers|pour|apres|devant|chez|de)\b)`), keyWords('chercher trouver retrouver')],
  ['menace-tu-vas', rule(String.raw`\b(?:tu|vous)(?: \w+)? (?:vas|va|allez) (?:mourir|crever|payer|le regretter|le payer|souffrir|y passer|finir|morfler|prendre cher|saigner)\b`), keyWords('mourir crever payer regretter souffrir passer finir morfler cher saigner')],
  ['menace-tu-vas', rule(String.raw`\b(?:t es|tu es|vous etes|t est) (?:un homme mort|une femme morte|deja mort|deja morte|un cadavre|mort e)\b`), keyWords('mort morte cadavre')],
  ['menace-appel', rule(String.raw`\b(?:faut|faudrait|doivent|devraient|devrait|merite|meritent|merites|meriterait|meriteraient|meriterais|on devrait|on doit|il faut)(?: \w+){0,2}? (?:les |le |la |l |tous les |toutes les |des |leur |lui |te |t )?(?:tuer|exterminer|gazer|pendre|bruler|fusiller|crever|mourir|abattre|eliminer|lyncher|egorger|decapiter|massacrer|buter|violer|executer|tabasser|torturer)\b`), keyWords('tuer exterminer gazer pendre bruler fusiller crever mourir abattre eliminer lyncher egorger decapiter massacrer buter violer executer tabasser torturer')],
  ['menace-appel', rule(String.raw`\b(?:merite|meritent|merites|meriterait|meriteraient|meriterais|meriteriez|meritez|devrait|devraient|devrais|doivent|faudrait|faut)(?: \w+){0,2}? (?:etre|se faire|finir|d etre) (?:${FR_PARTICIPLE})\b`), keyWords(FR_PARTICIPLE)],
  ['menace-appel', rule(String.raw`\b(?:espere|souhaite|pourvu) (?:que|qu) (?:tu|il|elle|ils|elles|vous|on) (?:creve|creves|creveras|crevera|creverez|meurs|meurt|mourras|mourra|meure|meures|meurent|mouriez|creviez|brules|brule|bruleras|pourrisses|pourrisse|pourrira|pourriras)\b`), keyWords('creve creves creveras crevera creverez meurs meurt mourras mourra meure meures meurent mouriez creviez brules brule bruleras pourrisses pourrisse pourrira pourriras')],
  ['menace-appel', rule(String.raw`\b(?:mettre|coller|foutre|loger) une balle (?:dans|entre)\b`), keyWords('balle')],
  ['menace-appel', rule(String.raw`\b(?:merite|meritent|merites|meriterait|meriteraient|meriterais|meritez|meriteriez) (?:une|la|sa|ta)(?: bonne| grosse| petite| vraie)? (?:balle|bastos|corde|raclee|rouste)\b`), keyWords('balle bastos corde raclee rouste')],
  ['menace-voilee', rule(String.raw`\b(?:serait|ce serait|ca serait) (?:dommage|bete|triste) (?:qu|que) (?:il )?(?:(?:te|t|vous|lui|leur) )?(?:arrive|arrivait|arriverait) (?:quelque chose|malheur|un malheur|un accident|un truc)\b`), keyWords('dommage bete triste')],
  ['menace-slogan', rule(String.raw`\b(?:mort aux|(?<!mettre |mis |mise |condamne |condamnes |condamnee )a mort|va crever|allez crever|crevez|je te tue|je vous tue|on vous aura|je sais ou tu habites|je sais ou t habites|on sait ou tu habites|fais gaffe a toi|gare a toi|une balle dans|tu ne perds rien pour attendre|tu perds rien pour attendre|vous ne perdez rien pour attendre|tes jours sont comptes|surveille tes arrieres)\b`), keyWords('mort crever crevez tue aura habites gaffe gare balle perds perdez jours surveille')],
];

const GATE = new RuleGate(PATTERNS.map(([, , needs]) => needs));

const rulesOf = (t: Token): number[] | undefined => {
  const memo = memoOf(t);
  if (memo.threat === undefined) memo.threat = GATE.rulesFor(t.skel) ?? null;
  return (memo.threat as number[] | null) ?? undefined;
};

// A long text repeating a threat is as threatening with a dozen reasons as with thousands.
const MAX_REASONS = 12;

/** The names threat reasons carry, for those who explain them. */
export const THREAT_RULES: readonly string[] = [...new Set(PATTERNS.map(([name]) => name))];

export interface RuleResult {
  score: number;
  reasons: Reason[];
}

/** Threats of violence, aimed at a person or a group; "I would never hurt you" is not one. */
export function threatScore(plain: string, tokens?: Token[]): RuleResult {
  const reasons: Reason[] = [];
  const open = tokens ? GATE.openTokens(tokens, rulesOf) : GATE.open(plain);
  if (!open) return { score: 0, reasons };
  for (let k = 0; k < PATTERNS.length; k++) {
    if (open[k] === 0) continue;
    const [name, re] = PATTERNS[k];
    for (const m of matches(re, plain)) {
      if (reasons.length >= MAX_REASONS) break;
      // A slogan that carries its own negation ("tu ne perds rien pour attendre") is only denied by what precedes it.
      if (name.endsWith('slogan') ? isNegated(plain, m, true) : isNegated(plain, m)) {
        reasons.push({ category: 'context', rule: 'negated-threat', text: m[0].trim(), weight: -0.8 });
        continue;
      }
      reasons.push({ category: 'threat', rule: name, text: m[0].trim(), weight: 0.9 });
    }
  }
  const hits = reasons.filter((r) => r.category === 'threat').length;
  return { score: hits === 0 ? 0 : Math.min(0.97, 0.85 + 0.05 * (hits - 1)), reasons };
}
