import { describe, expect, it } from 'vitest';
import { ENGLISH_CHARTER, FRENCH_CHARTER } from '../fixtures.js';
import { charter, check, expectFixesHold, findingsOf, fixed, spansOf } from './helpers.js';

const fr = (text: string) => check(FRENCH_CHARTER, text, { language: 'fr' });
const en = (text: string) => check(ENGLISH_CHARTER, text, { language: 'en' });

describe('preferred terms', () => {
  it.each([
    ['Un usager nous écrit.', ['usager']],
    ['Les usagers nous écrivent.', ['usagers']],
    ['Une usagère nous écrit.', ['usagère']],
    ['Des usagères satisfaites.', ['usagères']],
    ['LES USAGERS SONT LÀ', ['USAGERS']],
    ['Usagers, bonjour.', ['Usagers']],
    ["L'usager a raison.", ['usager']],
    ['Merci à l’usager.', ['usager']],
    ['La voix d’usagers fidèles.', ['usagers']],
    ['Un consommateur, deux consommatrices.', ['consommateur', 'consommatrices']],
    ['Un breuvage chaud.', ['breuvage']],
    ['Envoie-nous un e-mail ou un mail.', ['e-mail', 'mail']],
    ['Ton password est personnel.', ['password']],
  ])('finds the term in %j', (text, expected) => {
    expect(spansOf(text, fr(text), 'vocabulary.prefer')).toEqual(expected);
  });

  it.each([
    'Une usagerie est un mot inventé.',
    'Le mot « usager » est entre guillemets.',
    'Consultez https://example.org/usager pour en savoir plus.',
    'Écris à @usager ou suis #usagers.',
    'Nos clients sont les meilleurs.',
    '> Un usager a écrit ceci',
  ])('finds nothing in %j', (text) => {
    expect(findingsOf(fr(text), 'vocabulary.prefer')).toEqual([]);
  });

  it.each([
    ['Un usager nous écrit.', 'Un client nous écrit.'],
    ['Les usagers nous écrivent.', 'Les clients nous écrivent.'],
    ['Usagers, bonjour.', 'Clients, bonjour.'],
    ['LES USAGERS SONT LÀ', 'LES CLIENTS SONT LÀ'],
    ["L'usager a raison.", 'Le client a raison.'],
    ['Merci à l’usager.', 'Merci au client.'],
    ['La voix de l’usager.', 'La voix du client.'],
    ['La voix d’usagers fidèles.', 'La voix de clients fidèles.'],
    ['Un breuvage, enfin.', 'Une boisson, enfin.'],
    ['Ce breuvage ? Parfait.', 'Cette boisson ? Parfait.'],
    ['Au breuvage du jour.', 'À la boisson du jour.'],
    ['Ton password est personnel.', 'Ton mot de passe est personnel.'],
    ['Vos passwords sont personnels.', 'Vos mots de passe sont personnels.'],
  ])('replaces %j keeping case, number and article', (text, expected) => {
    expect(fixed(FRENCH_CHARTER, text, 'vocabulary.prefer', { language: 'fr' })).toBe(expected);
  });

  it('elides the article when the new word starts with a vowel', () => {
    const c = charter({ vocabulary: { prefer: [{ use: 'usager', insteadOf: ['client'], language: 'fr' }] } });
    expect(fixed(c, 'Le client a raison.', 'vocabulary.prefer', { language: 'fr' })).toBe("L'usager a raison.");
    expect(fixed(c, 'Merci du client.', 'vocabulary.prefer', { language: 'fr' })).toBe("Merci de l'usager.");
    expect(fixed(c, 'Merci au client.', 'vocabulary.prefer', { language: 'fr' })).toBe("Merci à l'usager.");
    expect(fixed(c, 'La voix de clients.', 'vocabulary.prefer', { language: 'fr' })).toBe("La voix d'usagers.");
    expect(fixed(c, 'Ce client est là.', 'vocabulary.prefer', { language: 'fr' })).toBe("Cet usager est là.");
  });

  it('carries the term’s severity and reason, and the term to use', () => {
    const [f] = findingsOf(fr('Un usager.'), 'vocabulary.prefer');
    expect(f).toMatchObject({ severity: 'warning', reason: 'On parle à des clients, pas à des usagers.', params: { found: 'usager', use: 'client' } });
    const [g] = findingsOf(fr('Un breuvage.'), 'vocabulary.prefer');
    expect(g.severity).toBe('suggestion');
  });

  it.each([
    ['Our customers love it.', ['customers'], 'Our members love it.'],
    ['A user wrote to us.', ['user'], 'A member wrote to us.'],
    ['Users and staff agree.', ['Users', 'staff'], 'Members and staff agree.'],
    ["The customer's order.", ['customer'], "The member's order."],
    ['CUSTOMERS FIRST', ['CUSTOMERS'], 'MEMBERS FIRST'],
  ])('English: %j', (text, spans, fixedText) => {
    expect(spansOf(text, en(text), 'vocabulary.prefer')).toEqual(spans);
    expect(fixed(ENGLISH_CHARTER, text, 'vocabulary.prefer', { language: 'en' })).toBe(fixedText);
  });

  it('keeps a term to its language', () => {
    expect(findingsOf(check(FRENCH_CHARTER, 'Our usager is here', { language: 'en' }), 'vocabulary.prefer')).toEqual([]);
    expect(findingsOf(check(ENGLISH_CHARTER, 'Un customer est là', { language: 'fr' }), 'vocabulary.prefer')).toEqual([]);
    const both = charter({ vocabulary: { prefer: [{ use: 'Ruche', insteadOf: ['la ruche'] }] } });
    expect(findingsOf(check(both, 'Welcome to la ruche', { language: 'en' }), 'vocabulary.prefer')).toHaveLength(1);
  });
});

describe('forbidden terms', () => {
  it.each([
    ['C’est gratuit.', ['gratuit']],
    ['Une offre gratuite.', ['gratuite']],
    ['Des cafés gratuits, des boissons gratuites.', ['gratuits', 'gratuites']],
    ['GRATUIT !', ['GRATUIT']],
    ['Gratuit pour tous.', ['Gratuit']],
    ['On vous l’offre gratuitement.', ['gratuitement']],
    ['#GratuitPourTous', ['Gratuit']],
    ['#gratuitpourtous', ['gratuit']],
    ['#PourToutGratuit', ['Gratuit']],
    ['#gratuit', ['gratuit']],
    ['Un meilleur café ? Nos meilleurs cafés.', ['meilleur café', 'meilleurs cafés']],
  ])('blocks %j', (text, expected) => {
    const r = fr(text);
    expect(spansOf(text, r, 'vocabulary.forbidden')).toEqual(expected);
    if (expected.some((e) => /gratuit/i.test(e))) expect(r.blocked).toBe(true);
  });

  it.each([
    'Un ingratuit mot inventé.',
    'Le #RucheCafé offert.',
    'Voir https://example.org/gratuit',
    'Notre café est offert aux clients.',
  ])('does not block %j', (text) => {
    expect(findingsOf(fr(text), 'vocabulary.forbidden')).toEqual([]);
  });

  it('in a hashtag all in one case, only the bare term may run into the next word', () => {
    expect(spansOf('#gratuitementvotre', fr('#gratuitementvotre'), 'vocabulary.forbidden')).toEqual(['gratuit']);
    expect(findingsOf(en('#freestuff'), 'vocabulary.forbidden').map((f) => f.params.found)).toEqual(['free']);
    expect(findingsOf(en('#carefree'), 'vocabulary.forbidden')).toEqual([]);
  });

  it.each([
    ['Un café éco-responsable.', 'éco-responsable'],
    ['Un café eco-responsable.', 'eco-responsable'],
    ['Un café ÉCO-RESPONSABLE.', 'ÉCO-RESPONSABLE'],
    ['Des cafés écoresponsables.', 'écoresponsables'],
    ['Un café éco responsable.', 'éco responsable'],
    ['Un café éco‑responsable.', 'éco‑responsable'],
  ])('matches %j whatever its accents, hyphen or spacing', (text, span) => {
    const r = fr(text);
    expect(spansOf(text, r, 'vocabulary.forbidden')).toEqual([span]);
    expect(findingsOf(r, 'vocabulary.forbidden')[0].severity).toBe('warning');
    expect(r.blocked).toBe(false);
  });

  it.each([
    ['Un miel 100 % naturel.', '100 % naturel'],
    ['Un miel 100% naturel.', '100% naturel'],
    ['Un miel 100\u202f% naturel.', '100\u202f% naturel'],
    ['Des miels 100 % naturels.', '100 % naturels'],
    ['Une tisane 100 % naturelle.', '100 % naturelle'],
    ['Abonnement sans engagement.', 'sans engagement'],
    ['Abonnement SANS  ENGAGEMENT.', 'SANS  ENGAGEMENT'],
  ])('sends %j to legal review', (text, span) => {
    const r = fr(text);
    const found = findingsOf(r, 'vocabulary.legal_review');
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([span]);
    const reason = span.includes('%') ? 'Allégation à faire valider par le service juridique.' : 'Conditions à vérifier par le juridique.';
    expect(found[0]).toMatchObject({ severity: 'warning', needsLegalReview: true, reason });
    expect(r.needsLegalReview).toBe(true);
    expect(r.blocked).toBe(false);
  });

  it('lets quoted words through unless legal must see them', () => {
    const quoted = 'Une cliente nous dit « c’est gratuit et 100 % naturel ».';
    const r = fr(quoted);
    expect(findingsOf(r, 'vocabulary.forbidden')).toEqual([]);
    expect(spansOf(quoted, r, 'vocabulary.legal_review')).toEqual(['100 % naturel']);
    const line = '> gratuit, sans engagement\nMerci pour ton retour.';
    expect(findingsOf(fr(line), 'vocabulary.forbidden')).toEqual([]);
    expect(spansOf(line, fr(line), 'vocabulary.legal_review')).toEqual(['sans engagement']);
    const straight = 'Elle a écrit "gratuit" sur sa note.';
    expect(findingsOf(fr(straight), 'vocabulary.forbidden')).toEqual([]);
  });

  it('an unclosed quote exempts nothing', () => {
    expect(spansOf('Il dit « gratuit', fr('Il dit « gratuit'), 'vocabulary.forbidden')).toEqual(['gratuit']);
  });

  it.each([
    ['It is free.', 'free', 'vocabulary.forbidden', true],
    ['FREE delivery', 'FREE', 'vocabulary.forbidden', true],
    ['Delivered freely.', 'freely', 'vocabulary.forbidden', true],
    ['#FreeCoffee today', 'Free', 'vocabulary.forbidden', true],
    ['A cheap trick.', 'cheap', 'vocabulary.forbidden', false],
    ['Eco-friendly cups.', 'Eco-friendly', 'vocabulary.legal_review', false],
    ['Eco friendly cups.', 'Eco friendly', 'vocabulary.legal_review', false],
    ['Guaranteed results!', 'Guaranteed results', 'vocabulary.legal_review', false],
    ['Guaranteed result.', 'Guaranteed result', 'vocabulary.legal_review', false],
  ] as const)('English %j', (text, span, rule, blocked) => {
    const r = en(text);
    expect(spansOf(text, r, rule)).toEqual([span]);
    expect(r.blocked).toBe(blocked);
  });

  it('does not find an English term inside another word', () => {
    expect(findingsOf(en('Freedom and carefree days.'), 'vocabulary.forbidden')).toEqual([]);
  });

  it('a brand name is not read for terms', () => {
    const c = charter({ names: [{ name: 'Ruche Café™' }, { name: 'Gratuit & Co' }], vocabulary: { forbidden: [{ term: 'café' }, { term: 'gratuit' }] } });
    const text = 'Ruche Café™ sert un café chez Gratuit & Co.';
    expect(spansOf(text, check(c, text, { language: 'fr' }), 'vocabulary.forbidden')).toEqual(['café']);
    expect(spansOf('Chez ruche café', check(c, 'Chez ruche café', { language: 'fr' }), 'vocabulary.forbidden')).toEqual([]);
  });

  it('the longest term wins where two overlap', () => {
    const c = charter({ vocabulary: { forbidden: [{ term: 'naturel', action: 'warn' }, { term: '100 % naturel', action: 'legal_review' }] } });
    const r = check(c, 'Un miel 100 % naturel.', { language: 'fr' });
    expect(r.findings.map((f) => f.rule)).toEqual(['vocabulary.legal_review']);
  });

  it('applies every vocabulary fix without breaking anything else', () => {
    for (const text of ['Un usager et deux usagères.', "L'usager, d’usagers, l’usager.", 'Les USAGERS boivent un breuvage.']) {
      expect(expectFixesHold(FRENCH_CHARTER, text, { language: 'fr' })).toBeGreaterThan(0);
    }
  });
});
