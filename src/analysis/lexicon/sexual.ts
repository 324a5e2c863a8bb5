import { TermList, words } from './terms.js';

// Explicit sexual vocabulary (strong) and suggestive words (weak, only count together). Words are matched on their
// skeleton, so no entry may collapse to a common word ("xxx" would be "x").
const STRONG = words(`
porn, porno, pornhub, nudes, send nudes, dick pic, dick pics, blowjob, blow job, handjob, cum, cumming, pussy,
cock, cocks, horny, fuck me, suck my, sucks my, deepthroat, anal, orgasm, milf, onlyfans, nsfw, sexting, jerk off,
masturbate, naked pics, boobs, tits, titties, nude,
pornographie, porno, chatte, suce, sucer, suceuse, fellation, sodomie, sodomiser, ejac, ejaculer,
branler, branlette, nichons, a poil, baiser, baise, baisee, cul nu, plan cul, partouze, photos nues, bander, bande dur
`);
const WEAK = words(`sexy, sex, hot, naked, bed, lingerie, kiss, strip, seins, sein, fesses, cul, coquine, coquin, chaude, hot girls, bite, bites, nue, nues, sexe, excitee, excite`);

export const SEXUAL_TERMS = new TermList<'strong' | 'weak'>([
  ...STRONG.map((w): [string, 'strong'] => [w, 'strong']),
  ...WEAK.map((w): [string, 'weak'] => [w, 'weak']),
]);
