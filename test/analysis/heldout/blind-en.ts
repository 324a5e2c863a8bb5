import { cases, hateSuite, spellingCases, type Identity } from './build.js';

// A second held-out check, written after the first had been used to find classes of failure: its failures are
// never read case by case, only its figures (see build.ts).
const G: Identity[] = [
  { pl: 'women', sg: 'a woman', one: 'woman' },
  { pl: 'transgender people', sg: 'a transgender person', one: 'transgender person' },
  { pl: 'gay men', sg: 'a gay man', one: 'gay man' },
  { pl: 'black people', sg: 'a black person', one: 'black person' },
  { pl: 'disabled people', sg: 'a disabled person', one: 'disabled person' },
  { pl: 'Muslims', sg: 'a Muslim', one: 'Muslim' },
  { pl: 'immigrants', sg: 'an immigrant', one: 'immigrant' },
  { pl: 'Jews', sg: 'a Jew', one: 'Jew' },
  { pl: 'Arabs', sg: 'an Arab', one: 'Arab' },
];

const hateful = [
  ...cases('derogation-emotion', true, G, [
    'I despise {pl} with every fibre of my being.',
    '{Pl} make me physically ill.',
    'There is no group I hate more than {pl}.',
    'God, I loathe {pl}.',
  ]),
  ...cases('derogation-attribute', true, G, [
    '{Pl} are parasitic and lazy.',
    '{Pl} are all cowards and cheats.',
    'It is a fact that {pl} are stupid.',
    '{Pl} are inherently violent.',
  ]),
  ...cases('derogation-dehumanisation', true, G, [
    '{Pl} are rats, plain and simple.',
    '{Pl} are a virus on this planet.',
    '{Pl} are nothing more than animals.',
    '{Pl} are vermin crawling all over our cities.',
  ]),
  ...cases('derogation-implicit', true, G, [
    '{Pl} should not be allowed to have children.',
    'Keep {pl} out of our schools.',
    'I would rather die than live next to {pl}.',
    'Letting {pl} vote was the worst mistake ever.',
  ]),
  ...cases('threat-direct', true, G, [
    'I am going to kill the next {one} I see.',
    'We will find {pl} and make them bleed.',
    'I swear I will shoot {pl} if they come near me.',
    "I'm gonna torture every {one} in my town.",
  ]),
  ...cases('threat-normative', true, G, [
    '{Pl} should be gassed.',
    'Every {one} deserves a bullet.',
    '{Pl} ought to be hanged from trees.',
    'We should exterminate {pl}.',
  ]),
  ...cases('profanity-hateful', true, G, [
    '{Pl} are fucking scum.',
    'Fuck {pl}, every single one.',
    '{Pl} are shit people.',
  ]),
  ...cases('reference', true, G, [
    'I saw some {pl} at the park. They are disgusting animals.',
    'Everyone knows {pl}, and everyone knows they are worthless.',
    'My new neighbours are {pl}, and I hate them.',
    'You can spot {pl} a mile away. They stink.',
  ]),
  ...cases('negated-positive', true, G, [
    '{Pl} are not intelligent.',
    '{Pl} will never be human.',
    'You can never trust {pl}.',
    '{Pl} are not welcome in this country.',
  ]),
  ...cases('phrasing', true, G, [
    'Why are {pl} so stupid?',
    'Are {pl} even human?',
    'I believe {pl} are a disease.',
    'To be honest, {pl} are scum.',
  ]),
  ...spellingCases(G, [
    'I <despise> {pl}.',
    '{Pl} are <filthy> animals.',
    '{Pl} are <parasites>.',
    'Death to <all> {pl}.',
  ]),
];

const notHateful = [
  ...cases('negated-negative', false, G, [
    'I do not despise {pl}.',
    '{Pl} are not stupid.',
    'No one should hate {pl}.',
    '{Pl} are not vermin, they are people.',
  ]),
  ...cases('identity-neutral', false, G, [
    'We interviewed {pl} about their jobs.',
    'Most {pl} in the survey said they vote.',
    'My doctor is {sg}.',
    'The film follows {sg} growing up in London.',
  ]),
  ...cases('identity-positive', false, G, [
    '{Pl} are amazing.',
    'I love {pl}.',
    'So proud of all the {pl} who organised this.',
    '{Pl} deserve all the happiness in the world.',
  ]),
  ...cases('counter-speech', false, G, [
    'If you think "{pl} are animals", you need to educate yourself.',
    'Saying {pl} are vermin is disgusting.',
    'Stop spreading lies that {pl} are dangerous.',
    'I reported the post that said {pl} should die.',
  ]),
  ...cases('non-protected-target', false, [], [
    'Mosquitoes are disgusting vermin.',
    'I hate Mondays so much.',
    'Journalists are scum.',
    'My landlord is a parasite.',
    'You are a filthy animal.',
    'Rich people should pay more tax.',
    'Cops are pigs.',
    'This phone is trash.',
  ]),
];

export const BLIND_HATE_EN = hateSuite('blind hate (English)', 'en', [...hateful, ...notHateful]);
