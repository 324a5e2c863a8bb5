import { TermList, words } from './terms.js';

// Insults aimed at a person. "putain"/"fuck" as exclamations are profanity, not insults, and are not here.
const INSULTS = words(`
connard, connards, connasse, connasses, con, conne, salaud, salauds, salope, salopes, pute, putes, enculé,
encules, enculer, batard, batards, abruti, abrutis, abrutie, debile, debiles, idiot, idiots, idiote, imbecile,
imbeciles, cretin, cretins, cretine, teube, teubé, fdp, fils de pute, ntm, nique ta mere, tg, ta gueule, ferme ta gueule,
tocard, tocards, bouffon, bouffons, merdeux, raclure, raclures, ordure, ordures, minable, minables, grosse vache,
boloss, attarde, attardes, attardée, cassos, petasse, pouffiasse, grognasse, pauvre type, crevard, sac a merde,
sous merde, clown, clowns, pauvre con, pauvre conne, truie, gros porc, porc, enfoire, enfoires, trou du cul, trouduc,
casse toi, degage, demeure, demeures, abruti fini, face de rat, tete de con, sale con, cinglé, guignol, guignols,
idiot, idiots, moron, morons, stupid, dumb, dumbass, loser, losers, asshole, assholes, bitch, bitches, cunt, cunts,
dick, dickhead, prick, twat, bastard, bastards, jerk, scum, scumbag, trash, pathetic, piece of shit, dumb fuck,
fuckface, motherfucker, whore, whores, slut, sluts, imbecile, cretin, douche, douchebag, shithead, wanker, tosser,
clown, fool, fools, ugly, fatass, fat pig, hoe, hoes, skank, shut up, stfu, get lost, go to hell, kys, pig, idiot
`);

export const INSULT_TERMS = new TermList<true>([...new Set(INSULTS)].map((w): [string, true] => [w, true]));
