import { cases, hateSuite, spellingCases, type Identity } from './build.js';

// A second held-out check, written after the first had been used to find classes of failure: its failures are
// never read case by case, only its figures (see build.ts).
const f = (bare: string, one: string, sg: string): Identity => ({ pl: `les ${bare}`, bare, des: `des ${bare}`, aux: `aux ${bare}`, they: 'elles', fem: true, one, sg });
const m = (bare: string, one: string, sg: string): Identity => ({ pl: `les ${bare}`, bare, des: `des ${bare}`, aux: `aux ${bare}`, they: 'ils', fem: false, one, sg });
const G: Identity[] = [
  f('femmes', 'femme', 'une femme'),
  f('personnes transgenres', 'personne transgenre', 'une personne transgenre'),
  m('gays', 'gay', 'un gay'),
  m('Noirs', 'Noir', 'un Noir'),
  m('handicapés', 'handicapé', 'un handicapé'),
  m('musulmans', 'musulman', 'un musulman'),
  m('migrants', 'migrant', 'un migrant'),
  m('juifs', 'juif', 'un juif'),
  m('Arabes', 'Arabe', 'un Arabe'),
];

const hateful = [
  ...cases('derogation-emotion', true, G, [
    'Je méprise {pl} de tout mon être.',
    '{Pl} me rendent physiquement malade.',
    "Il n'y a personne que je déteste plus que {pl}.",
    'Franchement, je hais {pl}.',
  ]),
  ...cases('derogation-attribute', true, G, [
    '{Pl} sont [paresseux et profiteurs|paresseuses et profiteuses].',
    '{Pl} sont [tous des lâches|toutes des lâches].',
    "C'est un fait, {pl} sont [stupides|stupides].",
    '{Pl} sont [violents|violentes] par nature.',
  ]),
  ...cases('derogation-dehumanisation', true, G, [
    '{Pl} sont des rats, ni plus ni moins.',
    '{Pl} sont un virus pour cette planète.',
    '{Pl} ne sont rien de plus que des animaux.',
    '{Pl} sont de la vermine qui envahit nos villes.',
  ]),
  ...cases('derogation-implicit', true, G, [
    "{Pl} ne devraient pas avoir le droit d'avoir des enfants.",
    'Gardez {pl} loin de nos écoles.',
    'Je préférerais mourir que vivre à côté {des}.',
    'Laisser voter {pl} a été la pire erreur.',
  ]),
  ...cases('threat-direct', true, G, [
    'Je vais tuer [le prochain|la prochaine] {one} que je vois.',
    'On va retrouver {pl} et les faire saigner.',
    "Je jure que je vais tirer sur {pl} s'{they} s'approchent.",
    'Je vais torturer [chaque|chaque] {one} de ma ville.',
  ]),
  ...cases('threat-normative', true, G, [
    'Il faudrait gazer {pl}.',
    '[Chaque|Chaque] {one} mérite une balle.',
    '{Pl} devraient être [pendus|pendues] aux arbres.',
    'On devrait exterminer {pl}.',
  ]),
  ...cases('profanity-hateful', true, G, [
    '{Pl} sont des putains de raclures.',
    "Qu'{they} aillent se faire foutre, {pl}.",
    '{Pl}, ce sont des merdes.',
  ]),
  ...cases('reference', true, G, [
    "J'ai vu {des} au parc. Ce sont des animaux répugnants.",
    'Tout le monde connaît {pl} et tout le monde sait qu’{they} ne valent rien.',
    'Mes nouveaux voisins sont {des}, et je les déteste.',
    "On repère {pl} de loin. {They} puent.",
  ]),
  ...cases('negated-positive', true, G, [
    '{Pl} ne sont pas [intelligents|intelligentes].',
    '{Pl} ne seront jamais [humains|humaines].',
    'On ne peut jamais faire confiance {aux}.',
    '{Pl} ne sont pas [les bienvenus|les bienvenues] dans ce pays.',
  ]),
  ...cases('phrasing', true, G, [
    'Pourquoi {pl} sont-{they} si [bêtes|bêtes] ?',
    '{Pl} sont-{they} seulement [humains|humaines] ?',
    'Je crois que {pl} sont une maladie.',
    'Pour être honnête, {pl} sont des raclures.',
  ]),
  ...spellingCases(G, [
    'Je <méprise> {pl}.',
    '{Pl} sont des <animaux> [sales|sales].',
    '{Pl} sont des <parasites>.',
    'Mort <aux> {bare}.',
  ]),
];

const notHateful = [
  ...cases('negated-negative', false, G, [
    'Je ne méprise pas {pl}.',
    '{Pl} ne sont pas [stupides|stupides].',
    'Personne ne devrait haïr {pl}.',
    '{Pl} ne sont pas de la vermine, ce sont des personnes.',
  ]),
  ...cases('identity-neutral', false, G, [
    'Nous avons interrogé {des} sur leur travail.',
    "La plupart {des} de l'enquête disent voter.",
    'Mon médecin est {sg}.',
    'Le film suit {sg} qui grandit à Marseille.',
  ]),
  ...cases('identity-positive', false, G, [
    '{Pl} sont [géniaux|géniales].',
    "J'adore {pl}.",
    'Tellement [fier|fière] de [tous|toutes] {pl} qui ont organisé ça.',
    '{Pl} méritent tout le bonheur du monde.',
  ]),
  ...cases('counter-speech', false, G, [
    'Si tu penses que « {pl} sont des animaux », renseigne-toi.',
    'Dire que {pl} sont de la vermine, c’est ignoble.',
    "Arrête de répandre l'idée que {pl} sont [dangereux|dangereuses].",
    "J'ai signalé le message qui disait que {pl} devaient mourir.",
  ]),
  ...cases('non-protected-target', false, [], [
    'Les moustiques sont de la vermine dégoûtante.',
    'Je déteste tellement les lundis.',
    'Les journalistes sont des raclures.',
    'Mon propriétaire est un parasite.',
    'Tu es un animal dégoûtant.',
    'Les riches devraient payer plus d’impôts.',
    'Les flics sont des porcs.',
    'Ce téléphone est une daube.',
  ]),
];

export const BLIND_HATE_FR = hateSuite('haine, contrôle à l’aveugle (français)', 'fr', [...hateful, ...notHateful]);
