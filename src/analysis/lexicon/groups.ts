import { TermList, words } from './terms.js';

// Groups protected against hate speech, named neutrally, in both languages; the value is the group reported as the
// target. Plurals are listed because French and English plurals differ from the singular's skeleton.
const GROUPS: Record<string, string> = {
  muslims: 'muslim, muslims, muslim people, islam, islamic, islamist, islamists, musulman, musulmans, musulmane, musulmanes, islamiste, islamistes, muzz, voilee, voilees',
  jews: 'jew, jews, jewish, jewish people, juif, juifs, juive, juives, judaisme, zionist, zionists, sioniste, sionistes, feuj, feujs',
  black_people: 'black people, blacks, black men, black women, black folks, noirs, noires, les noirs, renoi, renois, africain, africains, africaine, africaines, africans, african, personnes noires',
  arabs: 'arab, arabs, arabe, arabes, maghrebin, maghrebins, rebeu, rebeus, beur, beurs',
  asians: 'asian, asians, asiatique, asiatiques, chinese, chinois, chinoise, chinoises',
  roma: 'roma, gypsy, gypsies, rom, roms, gitan, gitans, tzigane, tziganes',
  migrants: 'migrant, migrants, immigrant, immigrants, immigre, immigres, immigree, immigrees, refugee, refugees, refugie, refugies, illegals, illegal aliens, illegal immigrants, clandestins, etrangers, foreigners, foreigner, sans papiers, asylum seekers, demandeurs d asile, exiles',
  women: 'women, woman, womens, wimmen, wimin, womyn, wymyn, wemen, wahmen, womxn, girls, females, female, femme, femmes, filles, feminist, feminists, feministe, feministes, meuf, meufs, gonzesse, gonzesses, ladies, wives',
  lgbt: 'gay, gays, gais, gay people, gay men, gay women, lesbian, lesbians, homosexual, homosexuals, homosexuel, homosexuels, homosexuelle, homosexuelles, homo, homos, lesbienne, lesbiennes, lgbt, lgbtq, lgbtqia, queer, queers, bisexual, bisexuals, bisexuel, bisexuels, bisexuelle, bisexuelles, pansexuels, pansexuelles',
  trans_people: 'trans, trans people, trans women, trans men, transgender, transgenders, transgender people, transsexual, transsexuals, transsexuel, transsexuels, transsexuelle, transsexuelles, personnes trans, transgenre, transgenres, personnes transgenres, femmes trans, hommes trans, non binaires, nonbinary, non binary, enbies',
  disabled_people: 'disabled, disabled people, people with disabilities, the disabled, handicapped, handicapes, handicape, handicapees, handicapee, personnes handicapees, autistes, autistic, wheelchair users',
  christians: 'christian, christians, chretien, chretiens, chretienne, chretiennes, catholiques, catholics, catholic',
};

/** Every name with the group it names ("femmes" → "women"). */
export const GROUP_ENTRIES: [string, string][] = Object.entries(GROUPS).flatMap(([group, list]) => words(list).map((w): [string, string] => [w, group]));

// Slurs: words whose use targets a group by itself. Kept apart from neutral names so a slur weighs more.
const SLURS: Record<string, string> = {
  black_people: 'nigger, niggers, nigga, niggas, negro, negros, coon, coons, jungle bunny, negre, negres, negresse, bamboula, bamboulas',
  arabs: 'sand nigger, sand niggers, raghead, ragheads, towelhead, bougnoule, bougnoules, bicot, bicots, crouille, crouilles',
  jews: 'kike, kikes, yid, youpin, youpins, youtre, youtres',
  asians: 'chink, chinks, gook, gooks, paki, pakis, niakoue, niakoues, bridé, bridés, noich, chinetoque, chinetoques',
  lgbt: 'faggot, faggots, fag, fags, dyke, dykes, sodomite, sodomites, tapette, tapettes, pede, pedes, pd, tarlouze, tarlouzes, gouine, gouines, fiotte, fiottes, enculé de pede',
  trans_people: 'tranny, trannies, trannys, shemale, shemales, travelo, travelos',
  women: 'feminazi, feminazis',
  roma: 'romano, romanos',
  muslims: 'muzzie, muzzies, moslem, moslems',
  migrants: 'wetback, wetbacks, beaner, beaners, spic, spics',
  disabled_people: 'retard, retards, retarded, cripple, cripples, spastic, spastics, spaz, gogol, gogols, triso, trisos, mongolien, mongoliens',
};

export const SLUR_TERMS = new TermList<string>(
  Object.entries(SLURS).flatMap(([group, list]) => words(list).map((w): [string, string] => [w, group])),
);
