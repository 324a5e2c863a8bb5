import { TermList, words } from './terms.js';

// Groups protected against hate speech, named neutrally, in both languages; the value is the group reported as the
// target. Plurals are listed because French and English plurals differ from the singular's skeleton.
const GROUPS: Record<string, string> = {
  muslims: 'muslim, muslims, islam, islamic, islamist, islamists, musulman, musulmans, musulmane, musulmanes, islamiste, islamistes, muzz',
  jews: 'jew, jews, jewish, juif, juifs, juive, juives, judaisme, zionist, zionists, sioniste, sionistes',
  black_people: 'black people, blacks, black men, black women, noirs, noires, les noirs, renoi, renois, africain, africains, africaine, africaines, africans, african',
  arabs: 'arab, arabs, arabe, arabes, maghrebin, maghrebins, rebeu, rebeus, beur, beurs',
  asians: 'asian, asians, asiatique, asiatiques, chinese, chinois, chinoise, chinoises',
  roma: 'roma, gypsy, gypsies, rom, roms, gitan, gitans, tzigane, tziganes',
  migrants: 'migrant, migrants, immigrant, immigrants, immigre, immigres, immigree, immigrees, refugee, refugees, refugie, refugies, illegals, illegal aliens, clandestins, etrangers, foreigners, sans papiers',
  women: 'women, woman, girls, females, femme, femmes, fille, filles, feminist, feminists, feministe, feministes, meuf, meufs, gonzesse, gonzesses',
  lgbt: 'gay, gays, lesbian, lesbians, homosexual, homosexuals, homosexuel, homosexuels, homosexuelle, homosexuelles, homo, homos, lesbienne, lesbiennes, lgbt, lgbtq, queer, queers, bisexual, bisexuels',
  trans_people: 'trans, trans people, transgender, transgenders, transsexual, transsexuels, transsexuelle, transsexuelles',
  disabled_people: 'disabled, disabled people, handicapes, handicape, handicapees, autistes, autistic',
  christians: 'christian, christians, chretien, chretiens, chretienne, chretiennes, catholiques, catholics',
};

export const GROUP_TERMS = new TermList<string>(
  Object.entries(GROUPS).flatMap(([group, list]) => words(list).map((w): [string, string] => [w, group])),
);

// Slurs: words whose use targets a group by itself. Kept apart from neutral names so a slur weighs more.
const SLURS: Record<string, string> = {
  black_people: 'nigger, niggers, nigga, niggas, negro, negros, coon, coons, jungle bunny, negre, negres, negresse, bamboula, bamboulas',
  arabs: 'sand nigger, sand niggers, raghead, ragheads, towelhead, bougnoule, bougnoules, bicot, bicots, crouille, crouilles',
  jews: 'kike, kikes, yid, youpin, youpins, youtre, youtres',
  asians: 'chink, chinks, gook, gooks, niakoue, niakoues, bridé, bridés, noich',
  lgbt: 'faggot, faggots, fag, fags, dyke, dykes, tapette, tapettes, pede, pedes, pd, tarlouze, tarlouzes, gouine, gouines, fiotte, fiottes, enculé de pede',
  trans_people: 'tranny, trannies, shemale, travelo, travelos',
  women: 'feminazi, feminazis',
  roma: 'romano, romanos',
  muslims: 'muzzie, muzzies, moslem, moslems',
  migrants: 'wetback, wetbacks, beaner, beaners',
  disabled_people: 'retard, retards, retarded, gogol, gogols, triso, trisos',
};

export const SLUR_TERMS = new TermList<string>(
  Object.entries(SLURS).flatMap(([group, list]) => words(list).map((w): [string, string] => [w, group])),
);
