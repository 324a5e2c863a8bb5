import { DEHUMANISING_WORDS } from './dehumanising.js';
import { foldText, skeleton } from '../text/normalize.js';
import { TermList, words } from './terms.js';

// Vocabulary of the hate rules, accent-folded, in plain words (the rules compile them to skeletons).

/** Said of a group after a copula ("… are …", "les … sont …"), these demean it. */
export const DEROGATORY = words(`
inferior, worthless, useless, disgusting, revolting, repulsive, repugnant, vile, gross, nasty, dirty, filthy, evil,
wicked, criminals, criminal, terrorists, rapists, thieves, liars, cheats, cheaters, frauds, dangerous, violent, stupid,
dumb, idiots, morons, retarded, brainless, lazy, greedy, pathetic, weak, cowards, cowardly, ugly, primitive, backward,
backwards, barbaric, barbarians, degenerate, degenerates, perverts, perverted, sick, mentally ill, freaks, abominations,
an abomination, a burden, a drain, a threat, a danger, a menace, a problem, the problem, a waste of space, a waste of oxygen,
a blight, a stain, a joke, a disgrace, a cancer, a plague, a disease, a virus, not human, less than human, inhuman,
not people, not real people, not real women, not real men, beneath us, beneath contempt, the worst, the enemy,
the scum of the earth, nobodies, losers, failures, dishonest, untrustworthy, sneaky, treacherous,
incompetent, ignorant, uncivilised, uncivilized, savage, hateful, parasitic, scum, trash, garbage, filth, rubbish,
a mistake, mistakes, worse than animals, a pest, hysterical, whores, sluts, bitches, dogs, pigs, inbred, an invasion,
inferieurs, inferieures, inferieur, inutiles, degoutants, degoutantes, degueulasses, repugnants, repugnantes, ignobles,
immondes, infects, infectes, sales, crasseux, crasseuses, mauvais, mauvaises, malfaisants, criminels, criminelles,
terroristes, violeurs, voleurs, voleuses, menteurs, menteuses, tricheurs, tricheuses, escrocs, dangereux, dangereuses,
violents, violentes, stupides, betes, cons, connes, debiles, idiots, idiotes, cretins, cretines, abrutis, abruties,
attardes, attardees, fainéants, faineants, faineantes, paresseux, paresseuses, feignasses, pathetiques, minables,
laches, faibles, moches, primitifs, primitives, arrieres, arrierees, barbares, degeneres, degenerees, pervers,
perverses, malades, malades mentaux, tares, tarees, des tares, monstres, des monstres, une abomination, un fardeau,
un poids, une menace, un danger, un probleme, le probleme, une plaie, une honte, la honte, la lie, un cancer,
une maladie, une peste, un virus, pas humains, pas humaines, pas des humains, pas des etres humains, inhumains,
sous hommes, des sous hommes, moins que rien, des moins que rien, nuls, nulles, incapables, incompetents,
ignorants, ignorantes, hypocrites, fourbes, sournois, sournoises, traitres, la racaille, racaille, racailles,
des merdes, de la merde, des ordures, ordures, des dechets, dechets, hysteriques, putes, des putes, salopes,
des salopes, chiennes, a gerber, a vomir, une erreur, des erreurs, l ennemi, les pires, pires que des animaux,
bons a rien, bonnes a rien, des parasites, des cas sociaux, consanguins, une invasion,
threat, danger, menace, burden, lowlifes, lowlife, brutish, deficient, mentally deficient, repellent, repulsive,
vicious, deceitful, subhuman, crooks, thugs, savages, menteurs nes, menteuses nees, vicieux, vicieuses, tares,
tarees, malhonnetes, arrieres, crasse, une bande de tares, un poids mort, des incapables, la lie de l humanite, merdes,
stingy, money grabbing, money grubbing, money hungry, obsessed with money, aggressive, fanatics, fanatical, freeloaders,
scroungers, leeches, avares, radins, radines, rapaces, profiteurs, profiteuses, agressifs,
agressives, fanatiques, obsedes par l argent, obsedees par l argent, bruyants, bruyantes
`);

/** Qualities whose denial demeans a group ("… are never smart", "… ne sont pas nos égaux"). */
export const PRAISE = words(`
smart, intelligent, clever, bright, capable, competent, honest, trustworthy, good, decent, equal, equals, our equals,
as good as us, as good as the rest of us, human, humans, human beings, people, real people, real women, real men,
worthy, welcome, civilised, civilized, normal, valuable, useful, able, fit, qualified, trusted, to be trusted, loyal,
peaceful, clean, beautiful, worth anything, worth it, worth saving, worth our time, one of us, our friends,
intelligents, intelligentes, malins, capables, competents, competentes, honnetes, fiables, bons, bonnes, gentils,
gentilles, egaux, egales, nos egaux, nos egales, a notre niveau, humains, humaines, des humains, des etres humains,
des gens bien, des personnes, dignes, dignes de confiance, bienvenus, bienvenues, civilises, civilisees, normaux,
normales, utiles, qualifies, qualifiees, loyaux, pacifiques, propres, beaux, belles, des notres, nos amis
`);

/** Verbs and phrases of strong dislike, after "I"/"we" ("I despise …", "je méprise …"). */
export const CONTEMPT_EN = words(`
hate, despise, detest, loathe, abhor, cant stand, can not stand, cannot stand, am sick of, m sick of, am tired of,
m tired of, are sick of, fucking hate, really hate, truly hate, have no respect for, have zero respect for,
have nothing but contempt for, feel nothing but contempt for, feel contempt for, have contempt for, am disgusted by,
m disgusted by, are disgusted by, am repulsed by, m repulsed by, want nothing to do with, wish there were no,
would never hire, will never hire, never trust, dont trust, do not trust, wouldnt trust, would not trust, cant trust,
can not trust, can never trust, hate all, hate every, hate those, hate these,
am sick and tired of, m sick and tired of, are sick and tired of, am fed up with, m fed up with, are fed up with,
have had enough of, ve had enough of, am done with, m done with, cant stand them, can not stand them,
never stop hating, never stop despising, never stop loathing, never stopped hating, can not stop hating,
cant stop hating, can not stop despising, cant stop despising, will always hate, ll always hate, always hated,
always despised, will always despise
`);

// Hatred said to go on, through a negation that denies nothing: "je ne cesserai jamais de haïr …".
const GOING_ON_FR = ['cesserai', 'cesserais', 'cesserons', 'cesse', 'arreterai', 'arreterais', 'arreterons', 'arrete'].flatMap((stop) =>
  ['jamais', 'pas'].flatMap((neg) => ['hair', 'detester', 'mepriser', 'vomir'].map((verb) => `${stop} ${neg} de ${verb}`)));

export const CONTEMPT_FR = words(`
deteste, detestons, hais, hait, haissons, meprise, meprisons, execre, abhorre, supporte plus, supporte pas,
peux pas supporter, peux plus supporter, peux pas voir, peux plus voir, peux pas blairer, peux pas sentir, vomis,
gerbe, ai horreur des, ai horreur de, en ai marre des, marre des, ai que du mepris pour, n ai que du mepris pour,
ne ressens que du mepris pour, ressens que du mepris pour, ai du mepris pour, ai zero respect pour,
n ai aucun respect pour, ai aucun respect pour, ai aucune estime pour, suis degoute par, suis degoutee par,
ne fais pas confiance aux, ferai jamais confiance aux, fais pas confiance aux, ne ferai jamais confiance aux,
en ai plein le cul, ai plein le cul, plein le cul, en ai ras le bol, ras le bol, ras le cul, en ai marre,
peux plus les voir, peux pas les voir, peux pas les sentir, peux plus les sentir, peux pas les blairer,
peux plus les blairer, les supporte pas, les supporte plus, les hais, les deteste, les meprise, les vomis, les execre
`).concat(GOING_ON_FR);

/** What a group "does" to the speaker, in the third person ("… disgust me", "… me dégoûtent"). */
export const REVULSION_EN = words(`
disgust me, disgust us, sicken me, sicken us, repulse me, repel me, revolt me, make me sick, make me puke,
make me vomit, make me want to puke, make me want to vomit, make me throw up, make my skin crawl, make me angry,
are a disgrace, are the worst, ruin everything, ruin everything they touch, destroy everything, spoil everything,
should not exist, shouldnt exist, dont deserve to live, do not deserve to live, dont deserve rights,
do not deserve rights, dont deserve respect, do not deserve respect, deserve nothing, cant be trusted,
can not be trusted, cannot be trusted, can never be trusted, are never to be trusted, steal our jobs, take our jobs,
are taking our jobs, are stealing our jobs, control the media, control the banks, run the media, run the banks,
control everything, are invading, invade our, are taking over, rape our women, are replacing us, replace us,
fill me with rage, fill me with disgust, fill me with hatred, fill me with anger, fills me with rage,
fills me with disgust, make my blood boil, makes my blood boil, make me furious, make me so angry, turn my stomach,
turns my stomach, make me want to throw up, makes me sick, makes me want to vomit, makes me want to puke
`);

export const REVULSION_FR = words(`
me degoutent, nous degoutent, me debectent, me repugnent, m ecoeurent, me font vomir, me font gerber,
me donnent envie de vomir, me donnent la nausee, me sortent par les yeux, m insupportent, me gonflent,
me font horreur, gachent tout, pourrissent tout, detruisent tout, salissent tout, ne valent rien, ne servent a rien,
ne meritent aucun respect, ne meritent pas de vivre, ne meritent rien, ne meritent pas le respect,
n ont rien a faire ici, n ont rien a faire en france, ne devraient pas exister, ont jamais rien apporte de bon,
n ont jamais rien apporte de bon, n ont jamais rien fait de bon, ne font que mentir, ne font que voler,
ne font que profiter, sont les pires, pourrissent ce pays, detruisent ce pays, sont une honte, volent nos emplois,
volent notre travail, prennent nos emplois, prennent notre travail, controlent les medias, controlent tout,
controlent la finance, controlent les banques, nous envahissent, envahissent, violent nos femmes, nous remplacent,
me rendent malade, me rend malade, me font bouillir, me font bouillir de rage, me mettent en rage, me mettent hors de moi,
me foutent la gerbe, me fout la gerbe, me donnent la gerbe, me filent la gerbe, me font pitie, me degoute
`);

/** Harm done to a group ("shot", "wiped out", "enfermés"), after "should be", "deserve to be", "il faut". */
export const HARM_EN = words(`
die, killed, shot, hanged, hung, executed, burned, burnt, gassed, exterminated, eradicated, lynched, beaten,
beaten up, tortured, slaughtered, stabbed, drowned, deported, expelled, kicked out, thrown out, sent back,
sent home, locked up, locked away, imprisoned, jailed, caged, put in camps, put in cages, put down, wiped out,
wiped off the face of the earth, wiped off the map, removed, eliminated, purged, banned, sterilised, sterilized,
castrated, disappear, vanish, go back, leave, be gone, suffer, rot, burn, hang, starve
`);

export const HARM_FR = words(`
tuer, tues, tuees, fusiller, fusilles, fusillees, pendre, pendus, pendues, bruler, brules, brulees, gazer, gazes,
gazees, exterminer, extermines, exterminees, eliminer, elimines, eliminees, eradiquer, abattre, abattus, abattues,
massacrer, egorger, lyncher, tabasser, frapper, torturer, noyer, deporter, deportes, expulser, expulses, expulsees,
virer, vires, renvoyer, renvoyes, chasser, enfermer, enfermes, enfermees, emprisonner, mettre en prison,
mettre dans des camps, parquer, rayer, rayer de la carte, rayer de la surface de la terre, steriliser, castrer,
crever, mourir, disparaitre, partir, degager, souffrir, pourrir, bruler vifs, interdire, bannir
`);

/** Verbs of violence a speaker threatens a group with ("I will shoot every …", "je vais planter …"). */
export const VIOLENCE_EN = words(`
kill, murder, shoot, stab, hurt, harm, beat, beat up, punch, kick, hang, lynch, burn, gas, slaughter, butcher,
strangle, choke, drown, torture, execute, behead, bomb, blow up, run over, slit the throats of, make suffer,
destroy, wipe out, exterminate, eradicate, get rid of, round up, deport, crush, smash, break the legs of,
put down, hunt down, go after, attack, rape, poison, slit the throats of, put a bullet in,
set fire to, burn down, beat the life out of
`);

export const VIOLENCE_FR = words(`
tuer, buter, flinguer, fumer, descendre, abattre, tirer sur, poignarder, planter, egorger, frapper, tabasser,
defoncer, demonter, casser la gueule a, peter la gueule a, cogner, pendre, lyncher, bruler, cramer, gazer, massacrer,
etrangler, noyer, torturer, executer, decapiter, faire sauter, ecraser, faire souffrir, exterminer, eliminer,
eradiquer, virer, chasser, deporter, expulser, traquer, attaquer, violer, empoisonner, saigner, crever,
mettre le feu chez, mettre le feu a, mettre le feu aux, foutre le feu chez, faire la peau a, faire la peau aux,
niquer, se debarrasser, se debarrasser de, se debarrasser des, nous debarrasser de, nous debarrasser des
`);

/** The classes the hate rules read the vocabulary as. */
export type HateWordClass = 'CONTEMPT' | 'REVULSION' | 'HURT' | 'PRAISE' | 'DEHUM' | 'DEROG';

// English contractions spelt out as the tokenizer does ("don't" → "do not"), so that both spellings match.
const SPELT_OUT: Record<string, string> = {
  cant: 'can not', dont: 'do not', doesnt: 'does not', didnt: 'did not', wont: 'will not', isnt: 'is not', arent: 'are not',
  shouldnt: 'should not', wouldnt: 'would not', couldnt: 'could not', n: 'ne',
};
const spelt = (phrase: string) => phrase.split(' ').map((w) => SPELT_OUT[w] ?? w).join(' ');

// French adjectives are listed in the plural a group takes; the singular comes with "c'est", "quelque chose de plus
// …" or one person of the group. ("sales" stays: "sale" is an English word.)
function singulars(list: readonly string[]): string[] {
  return list.filter((w) => !w.includes(' ') && w.length >= 5 && /[^s]s$/.test(w) && w !== 'sales').map((w) => w.slice(0, -1));
}

// In order of precedence: a phrase listed twice takes the first class.
const CLASSES: [HateWordClass, readonly string[]][] = [
  ['CONTEMPT', [...CONTEMPT_EN, ...CONTEMPT_FR]],
  ['REVULSION', [...REVULSION_EN, ...REVULSION_FR]],
  ['HURT', [...HARM_EN, ...HARM_FR, ...VIOLENCE_EN, ...VIOLENCE_FR]],
  ['PRAISE', [...PRAISE, ...singulars(PRAISE), 'as good as', 'as smart as', 'as intelligent as', 'aussi bons que', 'aussi intelligents que']],
  // The verbs ("breed like", "grouillent") are the rules' own words, not a class.
  ['DEHUM', DEHUMANISING_WORDS.filter((w) => !/breed|infest|swarm|grouill|pullul|reprodui|invasion/.test(w))],
  ['DEROG', [...DEROGATORY, ...singulars(DEROGATORY)]],
];
const CLASS_OF = new Map<string, HateWordClass>();
for (const [cls, list] of CLASSES) {
  for (const phrase of list) {
    for (const form of [phrase, spelt(phrase)]) if (!CLASS_OF.has(form)) CLASS_OF.set(form, cls);
  }
}

/** The hate rules' vocabulary, matched on words; where phrases overlap the longest wins (see `hateWordSpans`). */
export const HATE_VOCABULARY = new TermList<HateWordClass>(CLASS_OF.entries(), undefined, new Set(`
  ville villes gros bone bones salle salles poisson poissons butter root roots god gods menacee menacees leche leches
`.split(/\s+/).filter(Boolean)));

// Single words of the vocabulary by first letter, for words one letter off ("htae", "detste", "disgustng").
const NEAR = new Map<string, { skel: string; cls: HateWordClass }[]>();
for (const [phrase, cls] of CLASS_OF) {
  if (phrase.includes(' ')) continue;
  const skel = skeleton(foldText(phrase));
  if (skel.length < 4) continue;
  const list = NEAR.get(skel[0]) ?? [];
  if (!list.some((e) => e.skel === skel)) list.push({ skel, cls });
  NEAR.set(skel[0], list);
}
const nearMemo = new Map<string, HateWordClass | null>();
// Real words one such respelling away from a word of the vocabulary, found in the training sets ("signe" of
// "singe", "strange" of "strangle", "eagles" of "egales").
const NOT_RESPELT = new Set(`
  eagles signe signes signer strange traite traites montre montres garage cork lair forbes etranger valable ordres
  planer biches violet violets violete violetes tortue volent brun brunt plater slopes raciale raciales comptent
  chater caster downed gentis griles plages plage gors fiable wrom trae conger eraser fables ronger exerce hontes
  meneuse tricher proc bucher fusils gories branles meteur meteuse voiler traire abates gentles malaisant
`.split(/\s+/).filter(Boolean));

/**
 * Two neighbouring letters inside the word swapped ("htae"), or, in words of seven letters or more, one letter
 * inside it left out ("detste"). First and last letters stay: changing them makes other words ("bitch" of
 * "bitches", "money" of "monkey"), and so do other edits of short words.
 */
function respelt(w: string, word: string): boolean {
  const n = word.length;
  if (w.length === n) {
    let i = 1;
    while (i < n - 1 && w.charCodeAt(i) === word.charCodeAt(i)) i++;
    if (i >= n - 2 || w[0] !== word[0]) return false;
    return w[i] === word[i + 1] && w[i + 1] === word[i] && w.slice(i + 2) === word.slice(i + 2);
  }
  if (w.length !== n - 1 || n < 7 || w[0] !== word[0] || w[w.length - 1] !== word[n - 1]) return false;
  let i = 1;
  while (i < w.length && w.charCodeAt(i) === word.charCodeAt(i)) i++;
  return w.slice(i) === word.slice(i + 1);
}

/** The class of the vocabulary word a word is a respelling of (see `respelt`); undefined for short words. */
export function nearHateWord(skel: string): HateWordClass | undefined {
  if (skel.length < 4 || NOT_RESPELT.has(skel)) return undefined;
  let cls = nearMemo.get(skel);
  if (cls === undefined) {
    cls = null;
    for (const e of NEAR.get(skel[0]) ?? []) {
      if (respelt(skel, e.skel)) {
        cls = e.cls;
        break;
      }
    }
    if (nearMemo.size > 50_000) nearMemo.clear();
    nearMemo.set(skel, cls);
  }
  return cls ?? undefined;
}

/** Hostile single words of the vocabulary, of four letters or more, for words glued together ("aredisgusting"). */
export const HATE_WORDS: ReadonlySet<string> = new Set([...CLASS_OF].filter(([w, cls]) => cls !== 'PRAISE' && !w.includes(' ') && w.length >= 4).map(([w]) => w));
