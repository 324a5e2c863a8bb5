import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../../i18n/bundles.js';
import { ruleSummary } from './summary.js';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('rule summaries', () => {
  it('say the default hate rule in plain English and French', async () => {
    const conditions = { kinds: ['reply' as const], toxicity: { category: 'hate' as const, min: 0.9 } };
    const actions = [{ type: 'hide' as const }, { type: 'label' as const, label: 'hate' }];
    expect(plain(ruleSummary(await translator('en'), 'en', conditions, actions))).toBe('When a reply is hateful at 90 % or more: hide it and label it “hate”.'.replace('90 %', '90%'));
    expect(plain(ruleSummary(await translator('fr'), 'fr', conditions, actions))).toBe('Quand une réponse contient de la haine à 90 % ou plus : masquer et étiqueter « hate ».');
  });

  it('name members, saved replies and departments, and join conditions', async () => {
    const t = await translator('en');
    const text = ruleSummary(
      t,
      'en',
      { keywords: ['refund', 'scam'], hasLink: true, authorMinFollowers: 10, authorMaxFollowers: 500, complaint: true },
      [{ type: 'assign', userId: 'u1' }, { type: 'reply', savedReplyId: 's1' }, { type: 'ticket', department: 'legal' }],
      { member: () => 'Ada', savedReply: () => 'Sorry', department: () => 'Legal' },
    );
    expect(text).toBe(
      'When an item contains “refund” or “scam”, is a complaint, contains a link, and comes from an author with 10 to 500 followers: assign it to Ada, reply with “Sorry”, and open a ticket for Legal.',
    );
  });

  it('says when a rule has no condition or no action', async () => {
    const t = await translator('en');
    expect(ruleSummary(t, 'en', {}, [])).toBe('Whenever an item arrives: do nothing yet.');
  });
});
