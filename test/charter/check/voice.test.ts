import { describe, expect, it } from 'vitest';
import { charter, check, expectFixesHold, findingsOf, fixed, spansOf } from './helpers.js';

const TU = charter({ voice: { address: 'tu' } });
const VOUS = charter({ voice: { address: 'vous' } });
const ANY = charter({ voice: { address: 'any' } });
const asTu = (text: string) => check(TU, text, { language: 'fr' });
const asVous = (text: string) => check(VOUS, text, { language: 'fr' });

// The same message in vouvoiement and in tutoiement: each switches exactly to the other.
const PAIRS: [vous: string, tu: string][] = [
  ['Vous pouvez suivre votre commande en ligne.', 'Tu peux suivre ta commande en ligne.'],
  ["N'hésitez pas à nous contacter si vous avez une question.", "N'hésite pas à nous contacter si tu as une question."],
  ['Contactez-nous par message privé, nous vous répondrons vite.', 'Contacte-nous par message privé, nous te répondrons vite.'],
  ['Venez découvrir nos nouveautés !', 'Viens découvrir nos nouveautés !'],
  ['Merci pour votre message.', 'Merci pour ton message.'],
  ['Vous trouverez vos commandes dans votre espace client.', 'Tu trouveras tes commandes dans ton espace client.'],
  ['Pouvez-vous nous envoyer votre numéro de commande ?', 'Peux-tu nous envoyer ton numéro de commande ?'],
  ['Inscrivez-vous à notre newsletter.', 'Inscris-toi à notre newsletter.'],
  ['Ne vous inquiétez pas, votre colis arrive demain.', "Ne t'inquiète pas, ton colis arrive demain."],
  ['Nous vous remercions pour votre confiance.', 'Nous te remercions pour ta confiance.'],
  ['Pour vous aider, nous avons besoin de votre adresse.', "Pour t'aider, nous avons besoin de ton adresse."],
  ["C'est à vous de jouer !", "C'est à toi de jouer !"],
  ['Merci à vous et à bientôt chez vous.', 'Merci à toi et à bientôt chez toi.'],
  ['Vous vous êtes trompé de taille ? Pas de souci.', "Tu t'es trompé de taille ? Pas de souci."],
  ['Si vous le souhaitez, vous pourrez échanger votre article.', 'Si tu le souhaites, tu pourras échanger ton article.'],
  ['Nous voulons que vous soyez satisfait.', 'Nous voulons que tu sois satisfait.'],
  ['Voulez-vous recevoir votre nouvelle carte ?', 'Veux-tu recevoir ta nouvelle carte ?'],
  ['Votre avis compte : dites-nous ce que vous en pensez.', 'Ton avis compte : dis-nous ce que tu en penses.'],
  ['Avez-vous reçu votre commande ?', 'As-tu reçu ta commande ?'],
  ['Prenez soin de vous.', 'Prends soin de toi.'],
  ['Appelez-nous au 01 23 45 67 89.', 'Appelle-nous au 01 23 45 67 89.'],
  ['Vous préférez le thé ou le café ?', 'Tu préfères le thé ou le café ?'],
  ['Vous nous avez manqué !', 'Tu nous as manqué !'],
  ['Découvrez notre gamme et profitez de -20 %.', 'Découvre notre gamme et profite de -20 %.'],
  ['Vous finissez votre café ?', 'Tu finis ton café ?'],
  ['Écrivez-nous et partagez vos photos.', 'Écris-nous et partage tes photos.'],
  ['Faites-nous confiance.', 'Fais-nous confiance.'],
  ['Vous pourriez gagner un voyage si vous participez.', 'Tu pourrais gagner un voyage si tu participes.'],
  ['Allez-y, foncez !', 'Vas-y, fonce !'],
  ['Vous êtes prêt ? Alors venez nous voir.', 'Tu es prêt ? Alors viens nous voir.'],
  ['Quel est votre prénom ?', 'Quel est ton prénom ?'],
  ['Votre petite commande et votre propre compte.', 'Ta petite commande et ton propre compte.'],
  ['Le vôtre est prêt, la vôtre aussi.', 'Le tien est prêt, la tienne aussi.'],
  ['Vous attendez votre colis depuis lundi ?', 'Tu attends ton colis depuis lundi ?'],
  ['Répondez-nous avant vendredi.', 'Réponds-nous avant vendredi.'],
  ['Vous recevrez un e-mail quand votre commande partira.', 'Tu recevras un e-mail quand ta commande partira.'],
  ['Vous devez valider votre adresse.', 'Tu dois valider ton adresse.'],
  ['Vous savez quoi ? Vous êtes formidable.', 'Tu sais quoi ? Tu es formidable.'],
  ['Vous voyez votre panier en haut de la page.', 'Tu vois ton panier en haut de la page.'],
  ['Vous venez souvent ? Vous prenez toujours un crème ?', 'Tu viens souvent ? Tu prends toujours un crème ?'],
  ['Vous mettez combien de sucre ?', 'Tu mets combien de sucre ?'],
  ['Vous faites partie de la famille.', 'Tu fais partie de la famille.'],
  ['Vous allez adorer notre miel.', 'Tu vas adorer notre miel.'],
  ['Vous aviez raison, vous étiez en avance.', 'Tu avais raison, tu étais en avance.'],
  ['Vous achetez votre café où ?', 'Tu achètes ton café où ?'],
  ['Vous appelez le service client ?', 'Tu appelles le service client ?'],
  ['Vous choisissez votre taille puis vous validez.', 'Tu choisis ta taille puis tu valides.'],
  ['Vous lisez nos conseils ? Vous écrivez souvent ?', 'Tu lis nos conseils ? Tu écris souvent ?'],
  ['Vous connaissez notre boutique ?', 'Tu connais notre boutique ?'],
  ['Vous suivez notre compte ?', 'Tu suis notre compte ?'],
  ['Vous ne pouvez pas vous connecter ?', 'Tu ne peux pas te connecter ?'],
  ["Vous n'avez rien reçu ?", "Tu n'as rien reçu ?"],
  ['Vous nous direz ce que vous en pensez.', 'Tu nous diras ce que tu en penses.'],
  ['Votre équipe vous salue.', 'Ton équipe te salue.'],
  ['Vos idées nous inspirent.', 'Tes idées nous inspirent.'],
  ['Vous oubliez votre mot de passe ?', 'Tu oublies ton mot de passe ?'],
  ['Envoyez-nous votre facture.', 'Envoie-nous ta facture.'],
  ['Vous préférerez sans doute la version bio.', 'Tu préféreras sans doute la version bio.'],
  ['VOUS ÊTES FORMIDABLE', 'TU ES FORMIDABLE'],
  ['Votre boisson préférée vous attend.', "Ta boisson préférée t'attend."],
];

describe('tu or vous: finding', () => {
  it.each([
    ['Vous pouvez suivre votre commande.', ['Vous', 'votre']],
    ['Venez !', ['Venez']],
    ["N'hésitez pas.", ['hésitez']],
    ['Contactez-nous.', ['Contactez']],
    ['Pour en savoir plus, contactez-nous.', ['contactez']],
    ['Pouvez-vous répondre ?', ['vous']],
    ['Inscrivez-vous.', ['Inscrivez']],
    ['Le vôtre est là.', ['vôtre']],
    ['Vos commandes.', ['Vos']],
    ['Merci à VOUS.', ['VOUS']],
  ])('under a tu charter, %j has %j', (text, expected) => {
    expect(spansOf(text, asTu(text), 'voice.address')).toEqual(expected);
  });

  it.each([
    ['Tu peux suivre ta commande.', ['Tu', 'ta']],
    ['Viens !', ['Viens']],
    ["N'hésite pas.", ['hésite']],
    ['Contacte-nous.', ['Contacte']],
    ['Peux-tu répondre ?', ['tu']],
    ['Je t’envoie le lien.', ['t’']],
    ["Je t'aime.", ["t'"]],
    ['Chez toi.', ['toi']],
    ['Tes commandes, ton compte.', ['Tes', 'ton']],
    ['Le tien et les tiennes.', ['tien', 'tiennes']],
    ['Inscris-toi.', ['Inscris']],
    ['Découvre la gamme.', ['Découvre']],
    ['Ensuite, profite de ton café.', ['profite', 'ton']],
    ["T'es où ?", ["T'"]],
  ])('under a vous charter, %j has %j', (text, expected) => {
    expect(spansOf(text, asVous(text), 'voice.address')).toEqual(expected);
  });

  it.each([
    'Le ton de ce message est parfait.',
    'Un ton chaleureux.',
    'Commande n° 1234 expédiée.',
    'Je tiens à remercier l’équipe.',
    'Nous venons de recevoir le stock.',
    'Le nez fin et assez rond.',
    'Rendez-vous le 12 mai à la boutique.',
    'Prenons rendez-vous demain.',
    'Bravo, Gomez ! Et merci à Rodriguez.',
  ])('%j addresses no one', (text) => {
    expect(findingsOf(asVous(text), 'voice.address')).toEqual([]);
    expect(findingsOf(asTu(text), 'voice.address')).toEqual([]);
  });

  it('says which address to use, as a warning, with the reader’s word', () => {
    const [f] = findingsOf(asTu('Vous pouvez venir.'), 'voice.address');
    expect(f).toMatchObject({ severity: 'warning', params: { found: 'Vous', use: 'tu' }, start: 0, end: 4 });
    expect(f.fix?.kind).toBe('switch_to_tu');
    const [g] = findingsOf(asVous('Tu peux venir.'), 'voice.address');
    expect(g.fix?.kind).toBe('switch_to_vous');
  });

  it('every finding carries the fix for the whole message', () => {
    const r = asTu('Vous pouvez suivre votre commande.');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0].fix).toEqual(r.findings[1].fix);
  });

  it('a charter that takes either says nothing, nor does an English message', () => {
    expect(check(ANY, 'Vous pouvez venir, tu sais.', { language: 'fr' }).findings).toEqual([]);
    expect(check(TU, 'You can come to the ton of fun.', { language: 'en' }).findings).toEqual([]);
    expect(check(TU, 'Vous pouvez venir.', { language: 'en' }).findings).toEqual([]);
  });
});

describe('vous said to a group, under a tu charter', () => {
  it.each([
    'Merci à vous tous pour vos messages !',
    'Vous deux, vous êtes les gagnants.',
    'Bravo à vous toutes.',
    'Chers clients, vous êtes formidables.',
    'Chères abonnées, votre avis compte.',
    'Vous êtes nombreux à aimer votre café du matin.',
    'Vous êtes nombreuses à nous écrire.',
    "Beaucoup d'entre vous nous ont écrit.",
    'Bonjour à tous ! Vous pouvez voter jusqu’à demain.',
    'Salut tout le monde, venez nous voir.',
    'Vous êtes 300 à avoir participé.',
  ])('%j is fine', (text) => {
    expect(findingsOf(asTu(text), 'voice.address')).toEqual([]);
  });

  it('only the group’s sentence is exempt', () => {
    const text = 'Vous êtes nombreux à nous suivre. Votre commande est partie.';
    expect(spansOf(text, asTu(text), 'voice.address')).toEqual(['Votre']);
    expect(fixed(TU, text, 'voice.address', { language: 'fr' })).toBe('Vous êtes nombreux à nous suivre. Ta commande est partie.');
  });

  it('under a vous charter, tu is never plural', () => {
    expect(spansOf('Bonjour à tous, tu peux voter.', asVous('Bonjour à tous, tu peux voter.'), 'voice.address')).toEqual(['tu']);
  });
});

describe('tu or vous: quoted words', () => {
  it.each([
    'Vous nous écrivez « tu es nul » : nous sommes désolés.',
    'Vous avez écrit "tu peux mieux faire", merci.',
    'Vous avez écrit “ton service est lent”, merci.',
    '> Tu es nul\nVous avez raison, nous allons corriger.',
  ])('%j: the quote is neither flagged nor switched', (text) => {
    const r = asVous(text);
    expect(findingsOf(r, 'voice.address')).toEqual([]);
  });

  it('a quote is kept as written when the rest is switched', () => {
    const text = 'Tu nous as écrit « vous êtes lents » : tu as raison.';
    expect(fixed(VOUS, text, 'voice.address', { language: 'fr' })).toBe('Vous nous avez écrit « vous êtes lents » : vous avez raison.');
    expect(fixed(TU, 'Vous nous avez écrit « tu es lent » : vous avez raison.', 'voice.address', { language: 'fr' })).toBe(
      'Tu nous as écrit « tu es lent » : tu as raison.',
    );
  });

  it('hashtags and links are not words of the message', () => {
    expect(findingsOf(asTu('Suis #VousEtesFormidables et https://example.org/vous'), 'voice.address')).toEqual([]);
  });
});

describe('tu or vous: switching', () => {
  it.each(PAIRS)('vous → tu: %j', (vous, tu) => {
    expect(fixed(TU, vous, 'voice.address', { language: 'fr' })).toBe(tu);
  });

  it.each(PAIRS)('tu → vous: %j ← %j', (vous, tu) => {
    expect(fixed(VOUS, tu, 'voice.address', { language: 'fr' })).toBe(vous);
  });

  it.each(PAIRS)('round trip leaves nothing to flag: %j', (vous, tu) => {
    const asT = fixed(TU, vous, 'voice.address', { language: 'fr' });
    expect(findingsOf(asTu(asT), 'voice.address')).toEqual([]);
    const asV = fixed(VOUS, tu, 'voice.address', { language: 'fr' });
    expect(findingsOf(asVous(asV), 'voice.address')).toEqual([]);
    expect(fixed(VOUS, asT, 'voice.address', { language: 'fr' })).toBe(vous);
  });

  it('switches a whole reply at once', () => {
    const reply = [
      'Bonjour Camille,',
      '',
      'Merci pour votre message. Votre commande est partie ce matin : vous la recevrez demain.',
      "Si vous ne la recevez pas, n'hésitez pas à nous écrire.",
    ].join('\n');
    expect(fixed(TU, reply, 'voice.address', { language: 'fr' })).toBe([
      'Bonjour Camille,',
      '',
      'Merci pour ton message. Ta commande est partie ce matin : tu la recevras demain.',
      "Si tu ne la reçois pas, n'hésite pas à nous écrire.",
    ].join('\n'));
  });

  it.each([
    ['Votre adresse', 'Ton adresse'],
    ['votre ancienne adresse', 'ton ancienne adresse'],
    ['votre nouvelle adresse', 'ta nouvelle adresse'],
    ['votre commande', 'ta commande'],
    ['votre compte', 'ton compte'],
    ['votre livraison', 'ta livraison'],
    ['votre histoire', 'ton histoire'],
    ['votre réservation', 'ta réservation'],
    ['votre panier', 'ton panier'],
    ['votre boutique préférée', 'ta boutique préférée'],
    ['votre hauteur', 'ta hauteur'],
    ['vos commandes', 'tes commandes'],
  ])('possessive: %j → %j', (vous, tu) => {
    expect(fixed(TU, `Merci, ${vous}.`, 'voice.address', { language: 'fr' })).toBe(`Merci, ${tu}.`);
  });

  it('keeps the apostrophe the writer uses', () => {
    expect(fixed(TU, 'Nous allons vous aider.', 'voice.address', { language: 'fr' })).toBe("Nous allons t'aider.");
    expect(fixed(TU, 'L’équipe va vous aider.', 'voice.address', { language: 'fr' })).toBe('L’équipe va t’aider.');
  });

  it('every voice fix holds on a corpus', () => {
    for (const [vous, tu] of PAIRS) {
      expect(expectFixesHold(TU, vous, { language: 'fr' })).toBeGreaterThan(0);
      expect(expectFixesHold(VOUS, tu, { language: 'fr' })).toBeGreaterThan(0);
    }
  });
});
