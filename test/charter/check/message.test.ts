import { describe, expect, it } from 'vitest';
import { EMPTY_CHARTER } from '../../../src/shared/charter/charter.js';
import { checkMessage } from '../../../src/shared/charter/check.js';
import { ENGLISH_CHARTER, FRENCH_CHARTER } from '../fixtures.js';
import { charter, check, expectFixesHold, findingsOf, fixed } from './helpers.js';

describe('signature', () => {
  const reply = (text: string, extra = {}) => check(FRENCH_CHARTER, text, { kind: 'reply', language: 'fr', writerFirstName: 'Léa', ...extra });

  it.each([
    'Merci pour ton message.\n\n— Léa, équipe Ruche Café™',
    'Merci pour ton message.\n— Camille, équipe Ruche Café™\n',
    'Merci pour ton message. - Jean-Marc, équipe Ruche Café™',
    'Merci pour ton message.\n\n— Léa, Équipe Ruche Cafe™   ',
    'Merci pour ton message.\n\n—Léa, équipe Ruche Café™',
  ])('%j is signed', (text) => {
    expect(findingsOf(reply(text), 'signature.missing')).toEqual([]);
  });

  it('a reply without it gets the signature with the writer’s first name', () => {
    const r = reply('Merci pour ton message.');
    const [f] = findingsOf(r, 'signature.missing');
    expect(f).toMatchObject({ severity: 'warning', start: 0, end: 0, params: { signature: '— Léa, équipe Ruche Café™' } });
    expect(fixed(FRENCH_CHARTER, 'Merci pour ton message.\n', 'signature.missing', { kind: 'reply', language: 'fr', writerFirstName: 'Léa' })).toBe(
      'Merci pour ton message.\n\n— Léa, équipe Ruche Café™',
    );
  });

  it('a saved reply keeps the placeholder, and is found signed with it', () => {
    const saved = { kind: 'saved_reply' as const, writerFirstName: 'Léa' };
    expect(fixed(FRENCH_CHARTER, 'Merci !', 'signature.missing', { ...saved, language: 'fr' })).toBe('Merci !\n\n— {first_name}, équipe Ruche Café™');
    expect(findingsOf(reply('Merci\u202f!\n\n— {first_name}, équipe Ruche Café™', saved), 'signature.missing')).toEqual([]);
  });

  it('only on the kinds the charter lists', () => {
    expect(findingsOf(check(FRENCH_CHARTER, 'Un post.', { kind: 'post', language: 'fr' }), 'signature.missing')).toEqual([]);
    expect(findingsOf(check(ENGLISH_CHARTER, 'A post.', { kind: 'post', language: 'en' }), 'signature.missing')).toHaveLength(1);
    expect(findingsOf(check(charter({}), 'Merci.'), 'signature.missing')).toEqual([]);
  });

  it('an empty message gets the signature alone', () => {
    expect(fixed(ENGLISH_CHARTER, '', 'signature.missing', { kind: 'reply', writerFirstName: 'Ann' })).toBe('Ann for the Hive Cooperative');
  });
});

describe('hashtags', () => {
  const post = (text: string, extra = {}) => check(FRENCH_CHARTER, text, { kind: 'post', language: 'fr', network: 'mastodon', ...extra });

  it.each([
    ['Le café du jour #BlackFriday', '#BlackFriday', 'Le café du jour'],
    ['Le café du jour #blackfriday #RucheCafé', '#blackfriday', 'Le café du jour #RucheCafé'],
    ['#CafeGratuit le café du jour', '#CafeGratuit', 'le café du jour'],
    ['Le #CaféGratuit du jour', '#CaféGratuit', 'Le du jour'],
  ])('%j: %j is banned and removed', (text, tag, out) => {
    const [f] = findingsOf(post(text), 'hashtag.banned');
    expect(text.slice(f.start, f.end)).toBe(tag);
    expect(f).toMatchObject({ severity: 'blocking', params: { tag } });
    expect(f.reason).not.toBe('');
    expect(fixed(FRENCH_CHARTER, text, 'hashtag.banned', { kind: 'post', language: 'fr', network: 'mastodon' })).toBe(out);
  });

  it('banned tags are not found inside a link or another tag', () => {
    expect(findingsOf(post('Voir https://example.org/#BlackFriday et #BlackFridayDeals'), 'hashtag.banned')).toEqual([]);
  });

  it('a post with none of the key hashtags gets the first one suggested', () => {
    const [f] = findingsOf(post('Le café du jour.'), 'hashtag.key_missing');
    expect(f).toMatchObject({ severity: 'suggestion', start: 0, end: 0, params: { tag: '#RucheCafé' } });
    expect(fixed(FRENCH_CHARTER, 'Le café du jour.', 'hashtag.key_missing', { kind: 'post', language: 'fr' })).toBe('Le café du jour.\n\n#RucheCafé');
    expect(fixed(FRENCH_CHARTER, 'Le café du jour.\n#miel', 'hashtag.key_missing', { kind: 'post', language: 'fr' })).toBe('Le café du jour.\n#miel #RucheCafé');
    expect(findingsOf(post('Le café du jour #pauseruche'), 'hashtag.key_missing')).toEqual([]);
    expect(findingsOf(post('Le café du jour #RUCHECAFE'), 'hashtag.key_missing')).toEqual([]);
    expect(findingsOf(check(FRENCH_CHARTER, 'Merci.', { kind: 'reply' }), 'hashtag.key_missing')).toEqual([]);
  });

  it('a campaign’s required hashtags, each missing one added', () => {
    const text = 'Le printemps arrive #RucheCafé #PrintempsRuche';
    const r = post(text, { campaignId: 'printemps-2025' });
    const found = findingsOf(r, 'hashtag.campaign_missing');
    expect(found.map((f) => f.params.tag)).toEqual(['#MielDuMois']);
    expect(found[0].severity).toBe('warning');
    expect(fixed(FRENCH_CHARTER, text, 'hashtag.campaign_missing', { kind: 'post', language: 'fr', campaignId: 'printemps-2025' })).toBe(`${text} #MielDuMois`);
    expect(findingsOf(post(text, { campaignId: 'autre' }), 'hashtag.campaign_missing')).toEqual([]);
    expect(findingsOf(post('Rien', { campaignId: 'printemps-2025' }), 'hashtag.campaign_missing')).toHaveLength(2);
  });

  it('too many for the network, the last ones dropped but never a key or campaign tag', () => {
    const text = 'Le café #a #b #RucheCafé #c #d #e';
    const r = check(FRENCH_CHARTER, text, { kind: 'post', language: 'fr', network: 'bluesky', media: { count: 1, withAltText: 1 } });
    const [f] = findingsOf(r, 'hashtag.too_many');
    expect(f).toMatchObject({ severity: 'warning', params: { count: 6, max: 3, network: 'bluesky' } });
    expect(text.slice(f.start, f.end)).toBe('#c #d #e');
    expect(fixed(FRENCH_CHARTER, text, 'hashtag.too_many', { kind: 'post', language: 'fr', network: 'bluesky' })).toBe('Le café #a #b #RucheCafé');
    expect(fixed(FRENCH_CHARTER, '#RucheCafé #x #y #z #w', 'hashtag.too_many', { kind: 'post', network: 'bluesky' })).toBe('#RucheCafé #x #y');
  });

  it('falls back to the default network rules', () => {
    const text = 'Le café #a #b #c #d #RucheCafé';
    expect(findingsOf(check(FRENCH_CHARTER, text, { kind: 'post', network: 'linkedin' }), 'hashtag.too_many')[0].params.max).toBe(4);
    expect(findingsOf(check(FRENCH_CHARTER, text, { kind: 'post', network: null }), 'hashtag.too_many')[0].params.max).toBe(4);
    expect(findingsOf(check(FRENCH_CHARTER, text, { kind: 'post', network: 'mastodon' }), 'hashtag.too_many')).toEqual([]);
  });
});

describe('network limits', () => {
  const c = charter({
    networks: {
      bluesky: { maxLength: 10, maxLinks: 1, maxMentions: 1, visualRequired: true, altTextRequired: true },
      mastodon: { maxLength: 30 },
    },
  });

  it('counts graphemes, as Bluesky does', () => {
    expect(findingsOf(check(c, '👨‍👩‍👧‍👦'.repeat(10), { network: 'bluesky', kind: 'reply' }), 'network.length')).toEqual([]);
    const text = 'é'.normalize('NFD').repeat(10) + 'xyz';
    const [f] = findingsOf(check(c, text, { network: 'bluesky', kind: 'reply' }), 'network.length');
    expect(f).toMatchObject({ severity: 'blocking', params: { count: 13, max: 10, network: 'bluesky' } });
    expect(text.slice(f.start, f.end)).toBe('xyz');
  });

  it('counts a link as 23 on Mastodon, and a remote mention by its local part', () => {
    const url = 'https://example.org/a/very/long/path/that/goes/on/and/on';
    expect(findingsOf(check(c, `Lis ${url}`, { network: 'mastodon', kind: 'reply' }), 'network.length')).toEqual([]);
    const [f] = findingsOf(check(c, `Lire vite ${url}`, { network: 'mastodon', kind: 'reply' }), 'network.length');
    expect(f.params).toMatchObject({ count: 33, max: 30 });
    expect(findingsOf(check(c, 'Merci @lea@instance.example.org !!', { network: 'mastodon', kind: 'reply' }), 'network.length')).toEqual([]);
    expect(findingsOf(check(c, 'x'.repeat(31), { network: 'mastodon', kind: 'reply' }), 'network.length')).toHaveLength(1);
  });

  it('links, mentions, visual and alt text', () => {
    const text = 'Hi @a @b https://a.example https://b.example';
    const r = check(c, text, { network: 'bluesky', kind: 'post', media: { count: 2, withAltText: 1 } });
    const links = findingsOf(r, 'network.links')[0];
    expect(text.slice(links.start, links.end)).toBe('https://b.example');
    expect(links).toMatchObject({ severity: 'warning', params: { count: 2, max: 1 } });
    expect(text.slice(findingsOf(r, 'network.mentions')[0].start, findingsOf(r, 'network.mentions')[0].end)).toBe('@b');
    expect(findingsOf(r, 'network.visual')).toEqual([]);
    expect(findingsOf(r, 'network.alt_text')[0]).toMatchObject({ severity: 'warning', params: { count: 1 } });
    const bare = check(c, 'Hi', { network: 'bluesky', kind: 'post' });
    expect(findingsOf(bare, 'network.visual')).toHaveLength(1);
    expect(findingsOf(check(c, 'Hi', { network: 'bluesky', kind: 'reply' }), 'network.visual')).toEqual([]);
    expect(findingsOf(check(c, 'Write to lea@ruche.example', { network: 'bluesky', kind: 'reply' }), 'network.mentions')).toEqual([]);
  });

  it('no rules for the network and no default: nothing', () => {
    expect(check(c, 'x'.repeat(5000), { network: 'linkedin', kind: 'post' }).findings).toEqual([]);
  });
});

describe('language', () => {
  it.each([
    ['Bonjour, merci pour votre message, nous revenons vers vous très vite.', 'fr'],
    ['Hello, thank you for your message, we will get back to you soon.', 'en'],
    ['Café offert à la boutique', 'fr'],
    ['Merci !', 'fr'],
    ['ok', null],
    ['👍', null],
    ['https://example.org', null],
  ])('%j reads as %s', (text, language) => {
    expect(checkMessage(EMPTY_CHARTER, { text, kind: 'reply' }).language).toBe(language);
  });

  it('the writer’s choice wins', () => {
    expect(checkMessage(EMPTY_CHARTER, { text: 'Hello, thank you for your message.', kind: 'reply', language: 'fr' }).language).toBe('fr');
  });

  it('a message too short to tell is read in the brand’s only language', () => {
    const r = check(charter({ voice: { address: 'tu' }, languages: ['fr'] }), 'Venez');
    expect(r.language).toBe(null);
    expect(findingsOf(r, 'voice.address')).toHaveLength(1);
    expect(findingsOf(check(charter({ voice: { address: 'tu' } }), 'Venez'), 'voice.address')).toEqual([]);
  });

  it('a language the brand does not write in is a warning', () => {
    const r = check(FRENCH_CHARTER, 'Hello, thank you for your message, we will get back to you.', { kind: 'reply', writerFirstName: 'Ann' });
    expect(findingsOf(r, 'language.not_allowed')[0]).toMatchObject({ severity: 'warning', start: 0, end: 0, params: { language: 'en', allowed: 'fr' } });
    expect(findingsOf(check(FRENCH_CHARTER, 'ok', { kind: 'reply' }), 'language.not_allowed')).toEqual([]);
  });
});

describe('checkMessage', () => {
  it('the empty charter finds nothing', () => {
    const r = checkMessage(EMPTY_CHARTER, { text: 'Vous pouvez gratuit!!! 😀😀😀 #BlackFriday', kind: 'post', network: 'bluesky' });
    expect(r).toEqual({ findings: [], blocked: false, needsLegalReview: false, language: 'fr' });
  });

  it('sorts findings by position and sums them up', () => {
    const text = 'Un usager, c’est gratuit et 100 % naturel !! Vous pouvez venir #BlackFriday';
    const r = check(FRENCH_CHARTER, text, { kind: 'post', language: 'fr', network: 'mastodon' });
    const starts = r.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.blocked).toBe(true);
    expect(r.needsLegalReview).toBe(true);
    expect(new Set(r.findings.map((f) => f.rule))).toEqual(new Set([
      'hashtag.key_missing', 'vocabulary.prefer', 'vocabulary.forbidden', 'vocabulary.legal_review', 'typography.nbsp',
      'voice.exclamations', 'voice.address', 'hashtag.banned',
    ]));
  });

  it('only warnings and suggestions: not blocked', () => {
    const r = check(FRENCH_CHARTER, 'Vous pouvez venir.', { kind: 'reply', language: 'fr' });
    expect(r.blocked).toBe(false);
    expect(r.needsLegalReview).toBe(false);
  });

  it('a charter changed in place is a new object: the new one is compiled', () => {
    const first = charter({ vocabulary: { forbidden: [{ term: 'promo' }] } });
    expect(check(first, 'Une promo').blocked).toBe(true);
    const second = charter({ vocabulary: { forbidden: [{ term: 'solde' }] } });
    expect(check(second, 'Une promo').blocked).toBe(false);
    expect(check(second, 'Des soldes').blocked).toBe(true);
  });

  it('every fix on realistic messages holds', () => {
    const fr = [
      'Bonjour ! Merci pour votre message: votre commande est partie. L’usager peut suivre son colis ici https://ruche.example/suivi 😀',
      'Nouveau chez ruche café : un breuvage pour les curieux ! 🎉🐝☕️👩‍👩‍👧 #CafeGratuit #Miel',
      'Vous êtes nombreux à aimer le MielPass. Venez le découvrir en boutique, votre Miel Pass vous attend !',
    ];
    for (const text of fr) {
      for (const kind of ['post', 'reply'] as const) {
        expect(expectFixesHold(FRENCH_CHARTER, text, { kind, language: 'fr', network: 'mastodon', writerFirstName: 'Léa', campaignId: 'printemps-2025' })).toBeGreaterThan(2);
      }
    }
    const en = [
      "We're thrilled! Customers love HiveCoop 😀 and it's cheap #FreeStuff",
      "Thank you for writing. It's been a busy week; we'll reply soon. Our staff can't wait.",
    ];
    for (const text of en) expect(expectFixesHold(ENGLISH_CHARTER, text, { kind: 'reply', writerFirstName: 'Ann' })).toBeGreaterThan(2);
  });
});
