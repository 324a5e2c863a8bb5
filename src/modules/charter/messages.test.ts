import { describe, expect, it } from 'vitest';
import { RULES, type Finding, type Rule } from '../../shared/charter/findings.js';
import { blockedMessage, findingMessage } from './messages.js';

/** The params each rule's finding carries, as the checker writes them. */
const PARAMS: Record<Rule, Finding['params']> = {
  'voice.address': { found: 'tu', use: 'vous' },
  'voice.contraction': { found: "don't", use: 'do not' },
  'voice.exclamations': { count: 3, max: 1 },
  'language.not_allowed': { language: 'en' },
  'emoji.none': { found: '🎉' },
  'emoji.too_many': { found: '🎉', count: 4, max: 2 },
  'signature.missing': { signature: '— Léa, équipe Ruche' },
  'typography.nbsp': { found: '?', mark: '?' },
  'name.spelling': { found: 'ruche cafe', use: 'Ruche Café' },
  'vocabulary.prefer': { found: 'usager', use: 'client' },
  'vocabulary.forbidden': { found: 'gratuit', term: 'gratuit' },
  'vocabulary.legal_review': { found: 'garanti', term: 'garanti' },
  'hashtag.banned': { tag: '#promo' },
  'hashtag.key_missing': { tag: '#RucheCafe', tags: '#RucheCafe #Ruche' },
  'hashtag.campaign_missing': { tag: '#Printemps', campaignId: 'c1' },
  'hashtag.too_many': { count: 5, max: 3, network: 'mastodon' },
  'network.length': { count: 320, max: 300, network: 'bluesky' },
  'network.links': { count: 2, max: 1, network: 'bluesky' },
  'network.mentions': { count: 4, max: 3, network: '' },
  'network.visual': { network: 'mastodon' },
  'network.alt_text': { count: 2, network: 'bluesky' },
};

/** Values a text gives in other words (a network's name), or leaves to the highlighted span (the extra emoji). */
const NAMES: Record<string, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon' };
const UNSAID: Partial<Record<Rule, string[]>> = {
  'emoji.too_many': ['found'], 'language.not_allowed': ['language'], 'voice.address': ['use'], 'hashtag.campaign_missing': ['campaignId'],
};

const finding = (rule: Rule, reason = ''): Finding => ({
  rule, severity: 'warning', needsLegalReview: false, start: 0, end: 0, params: PARAMS[rule], reason, fix: null,
});

/** The marks used as punctuation in French, and what precedes each. */
const marks = (text: string) => [...text.matchAll(/[:;?!]/g)].filter((m) => /^(\s|$)/.test(text.slice(m.index + 1, m.index + 2)));

describe('findings in words', () => {
  it('words every rule in both languages, with its values and nothing left unfilled', () => {
    for (const rule of RULES) {
      for (const locale of ['en', 'fr'] as const) {
        const text = findingMessage(finding(rule), locale);
        expect(text, `${locale} ${rule}`).toMatch(/^\S.*\.$/);
        expect(text, `${locale} ${rule}`).not.toMatch(/undefined|NaN|null|\{|\}/);
        for (const [key, value] of Object.entries(PARAMS[rule])) {
          if (UNSAID[rule]?.includes(key) || value === '') continue;
          expect(text, `${locale} ${rule} ${key}`).toContain(NAMES[value] ?? String(value));
        }
      }
    }
  });

  it('keeps French typography: a no-break space before : ; ! ? and inside guillemets', () => {
    for (const rule of RULES) {
      const text = findingMessage(finding(rule, 'Voir la charte.'), 'fr');
      for (const m of marks(text)) expect(text[m.index - 1], `${rule}: ${text}`).toMatch(/[\u00a0\u202f]/);
      expect(text, rule).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
    }
    expect(blockedMessage([{ message: 'x.' }, { message: 'y.' }], 'fr')).toBe('La charte éditoriale bloque ce message (et 1 autre point bloquant)\u00a0: x.');
  });

  it('appends the strategist’s reason where there is one', () => {
    expect(findingMessage(finding('vocabulary.forbidden', 'Rien n’est gratuit.'), 'en')).toBe('The charter forbids “gratuit”. Why: Rien n’est gratuit.');
    expect(findingMessage(finding('vocabulary.forbidden', 'Rien n’est gratuit.'), 'fr')).toBe('La charte interdit «\u00a0gratuit\u00a0». Motif\u00a0: Rien n’est gratuit.');
    expect(findingMessage(finding('vocabulary.forbidden'), 'en')).toBe('The charter forbids “gratuit”.');
  });

  it('counts in the singular and plural of each language', () => {
    const one = { ...finding('network.alt_text'), params: { count: 1, network: 'bluesky' } };
    expect(findingMessage(one, 'en')).toBe('1 picture has no text alternative: the charter asks for one on Bluesky.');
    expect(findingMessage(one, 'fr')).toBe('1 image n’a pas de texte alternatif\u00a0: la charte en demande un sur Bluesky.');
    expect(findingMessage(finding('voice.exclamations'), 'fr')).toBe('3 points d’exclamation\u202f; la charte en permet 1.');
    expect(findingMessage(finding('language.not_allowed'), 'fr')).toBe('La marque n’écrit pas en anglais.');
    expect(findingMessage(finding('language.not_allowed'), 'en')).toBe('The brand does not write in English.');
    expect(findingMessage(finding('voice.address'), 'fr')).toBe('La charte vouvoie les lecteurs\u00a0: «\u00a0tu\u00a0» les tutoie.');
    expect(findingMessage({ ...finding('voice.address'), params: { found: 'Inscrivez', use: 'tu' } }, 'en')).toBe('The charter addresses readers as “tu”: “Inscrivez” is the “vous” form.');
  });
});
