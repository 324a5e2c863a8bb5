import { describe, expect, it } from 'vitest';
import { Charter, EMPTY_CHARTER } from '../../../src/shared/charter/charter.js';
import { checkDraft, fromDraft, toDraft } from './draft.js';

const full = Charter.parse({
  voice: { address: 'tu', englishRegister: 'formal', maxExclamations: 1 },
  languages: ['fr'],
  emoji: 'few',
  emojiMax: 3,
  signature: { text: '— {first_name}, équipe Ruche', on: ['reply', 'post'] },
  frenchTypography: true,
  names: [{ name: 'Ruche Café', variants: ['ruche cafe', 'RucheCafé'] }],
  vocabulary: {
    prefer: [{ use: 'membre', insteadOf: ['usager', 'utilisateur'], language: 'fr', reason: 'On parle de membres.', severity: 'warning' }],
    forbidden: [{ term: 'gratuit', language: null, reason: 'Promesse à faire valider.', action: 'legal_review' }],
  },
  hashtags: { key: ['#Ruche'], banned: [{ tag: '#spam', reason: 'Nuit à la marque.' }], perCampaign: [{ campaignId: 'c1', required: ['#Miel', '#Été'] }] },
  networks: { default: { maxLength: 280 }, bluesky: { maxLinks: 1, altTextRequired: true } },
});

describe('the charter form', () => {
  it('gives back the charter it was filled from', () => {
    const parsed = checkDraft(toDraft(full, ['bluesky', 'mastodon']));
    expect(parsed.ok && parsed.charter).toEqual(full);
  });

  it('leaves a network it does not set rules for to the default ones', () => {
    const draft = toDraft(EMPTY_CHARTER, ['mastodon']);
    expect(Object.keys(draft.networks)).toEqual(['default', 'mastodon']);
    expect(fromDraft(draft).networks).toEqual({});
    draft.networks.mastodon = { ...draft.networks.mastodon, own: true, maxLength: '500' };
    const parsed = checkDraft(draft);
    expect(parsed.ok && parsed.charter.networks).toEqual({
      mastodon: { maxLength: 500, maxLinks: null, maxMentions: null, maxHashtags: null, visualRequired: false, altTextRequired: false },
    });
  });

  it('reads lists typed with commas and hashtags typed with spaces', () => {
    const draft = toDraft(EMPTY_CHARTER, []);
    draft.keyTags = '#Ruche  #Miel,#Été';
    draft.prefer = [{ key: 'a', use: 'membre', insteadOf: ' usager ,, client ', language: '', reason: '', severity: 'suggestion' }];
    const parsed = checkDraft(draft);
    expect(parsed.ok && parsed.charter.hashtags.key).toEqual(['#Ruche', '#Miel', '#Été']);
    expect(parsed.ok && parsed.charter.vocabulary.prefer[0].insteadOf).toEqual(['usager', 'client']);
  });

  it('names each field that the schema refuses, where the form shows it', () => {
    const draft = toDraft(EMPTY_CHARTER, ['bluesky']);
    draft.prefer = [{ key: 'a', use: ' ', insteadOf: '', language: '', reason: '', severity: 'suggestion' }];
    draft.keyTags = '#Ruche #pas-bon';
    draft.maxExclamations = '1.5';
    draft.languages = [];
    draft.networks.bluesky = { ...draft.networks.bluesky, own: true, maxLength: '0' };
    const parsed = checkDraft(draft);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.fromEntries([...parsed.errors].map(([path, e]) => [path, e.code]))).toEqual({
      'voice.maxExclamations': 'number',
      languages: 'required',
      'vocabulary.prefer.0.use': 'required',
      'vocabulary.prefer.0.insteadOf': 'required',
      'hashtags.key.1': 'hashtag',
      'networks.bluesky.maxLength': 'tooSmall',
    });
  });
});
