/**
 * Two charters as brands write them: a French café chain that says tu, and an English cooperative that writes
 * formally. Tests of the checker, the routes and the screens share them.
 */
import { Charter, type CharterInput } from '../../src/shared/charter/charter.js';

export const FRENCH_CHARTER_INPUT: CharterInput = {
  voice: { address: 'tu', englishRegister: 'casual', maxExclamations: 1 },
  languages: ['fr'],
  emoji: 'few',
  emojiMax: 2,
  signature: { text: '— {first_name}, équipe Ruche Café™', on: ['reply'] },
  frenchTypography: true,
  names: [
    { name: 'Ruche Café™', variants: ['Ruche Coffee'] },
    { name: 'MielPass', variants: ['Miel Pass', 'Miel-Pass'] },
  ],
  vocabulary: {
    prefer: [
      { use: 'client', insteadOf: ['usager', 'consommateur'], language: 'fr', reason: 'On parle à des clients, pas à des usagers.', severity: 'warning' },
      { use: 'boisson', insteadOf: ['breuvage'], language: 'fr', reason: 'Plus simple.' },
      { use: 'courriel', insteadOf: ['e-mail', 'mail'], language: 'fr', reason: 'Le mot français.' },
      { use: 'mot de passe', insteadOf: ['password'], language: 'fr', reason: 'En français.' },
    ],
    forbidden: [
      { term: 'gratuit', language: 'fr', reason: 'Rien n’est gratuit : on parle d’offert.', action: 'block' },
      { term: '100 % naturel', language: 'fr', reason: 'Allégation à faire valider par le service juridique.', action: 'legal_review' },
      { term: 'sans engagement', language: 'fr', reason: 'Conditions à vérifier par le juridique.', action: 'legal_review' },
      { term: 'éco-responsable', language: 'fr', reason: 'Greenwashing : à éviter sans preuve.', action: 'warn' },
      { term: 'meilleur café', language: 'fr', reason: 'Superlatif non prouvé.', action: 'warn' },
    ],
  },
  hashtags: {
    key: ['#RucheCafé', '#PauseRuche'],
    banned: [
      { tag: '#CaféGratuit', reason: 'Hashtag détourné par un concurrent.' },
      { tag: 'BlackFriday', reason: 'La marque ne participe pas au Black Friday.' },
    ],
    perCampaign: [{ campaignId: 'printemps-2025', required: ['#PrintempsRuche', 'MielDuMois'] }],
  },
  networks: {
    bluesky: { maxLength: 300, maxLinks: 1, maxMentions: 3, maxHashtags: 3, visualRequired: true, altTextRequired: true },
    mastodon: { maxLength: 500, maxHashtags: 5, altTextRequired: true },
    default: { maxLength: 1000, maxHashtags: 4 },
  },
};

export const ENGLISH_CHARTER_INPUT: CharterInput = {
  voice: { address: 'vous', englishRegister: 'formal', maxExclamations: null },
  languages: ['en'],
  emoji: 'none',
  signature: { text: '{first_name} for the Hive Cooperative', on: ['reply', 'post'] },
  frenchTypography: false,
  names: [{ name: 'Hive Cooperative', variants: ['HiveCoop', 'Hive Co-op'] }, { name: 'HoneyPass®', variants: [] }],
  vocabulary: {
    prefer: [
      { use: 'member', insteadOf: ['customer', 'user'], language: 'en', reason: 'Everyone who buys from us owns a share.', severity: 'suggestion' },
      { use: 'team', insteadOf: ['staff'], language: 'en', reason: 'We are one team.', severity: 'suggestion' },
    ],
    forbidden: [
      { term: 'free', language: 'en', reason: 'Nothing is free: say "included".', action: 'block' },
      { term: 'guaranteed results', language: 'en', reason: 'A claim legal must approve.', action: 'legal_review' },
      { term: 'cheap', language: 'en', reason: 'We are affordable, never cheap.', action: 'warn' },
      { term: 'eco-friendly', language: 'en', reason: 'Needs proof.', action: 'legal_review' },
    ],
  },
  hashtags: { key: ['#HiveCoop'], banned: [{ tag: '#FreeStuff', reason: 'Spam tag.' }], perCampaign: [] },
  networks: { default: { maxLength: 500, maxLinks: 2, maxHashtags: 2 } },
};

export const FRENCH_CHARTER: Charter = Charter.parse(FRENCH_CHARTER_INPUT);
export const ENGLISH_CHARTER: Charter = Charter.parse(ENGLISH_CHARTER_INPUT);
