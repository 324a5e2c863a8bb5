import { describe, expect, it } from 'vitest';
import { FRENCH_CHARTER } from '../fixtures.js';
import { charter, check, expectFixesHold, findingsOf, fixed, spansOf } from './helpers.js';

const TYPO = charter({ frenchTypography: true });
const fr = (text: string) => check(TYPO, text, { language: 'fr' });
const N = '\u202f';

describe('French typography', () => {
  it.each([
    ['Merci !', [' !'], `Merci${N}!`],
    ['Merci!', ['!'], `Merci${N}!`],
    ['Pourquoi ?', [' ?'], `Pourquoi${N}?`],
    ['Attention : fermé.', [' :'], `Attention${N}: fermé.`],
    ['Attention: fermé.', [':'], `Attention${N}: fermé.`],
    ['Ouvert ; fermé.', [' ;'], `Ouvert${N}; fermé.`],
    ['Vraiment ?!', [' ?'], `Vraiment${N}?!`],
    ['Vraiment?!', ['?'], `Vraiment${N}?!`],
    ['Quoi  ?', ['  ?'], `Quoi${N}?`],
    ['Il a dit « merci ».', ['« ', ' »'], `Il a dit «${N}merci ».`],
    ['Il a dit «merci».', ['«', '»'], `Il a dit «${N}merci».`],
    ['#RucheCafé!', ['!'], `#RucheCafé${N}!`],
  ])('%j: flags %j, fixed as %j', (text, spans, out) => {
    expect(spansOf(text, fr(text), 'typography.nbsp')).toEqual(spans);
    expect(fixed(TYPO, text, 'typography.nbsp', { language: 'fr' })).toBe(out);
  });

  it.each([
    `Merci${N}!`,
    'Merci\u00a0!',
    `«${N}Bonjour${N}»`,
    '«\u00a0Bonjour\u00a0»',
    'Rendez-vous à 12:30 ou 9:05.',
    'Format 16:9.',
    'Voir https://ruche.example/page?x=1:2#!top',
    'Merci :) et à bientôt ;-) ou :D',
    'Super :-( dommage.',
    '!\n? début de ligne',
    `Il a dit «${N}merci!${N}» et «${N}quoi?${N}»`,
    '> Elle a écrit «bof» et ça: rien!\nMerci.',
  ])('%j is right', (text) => {
    expect(findingsOf(fr(text), 'typography.nbsp')).toEqual([]);
  });

  it('leaves English and charters without the rule alone', () => {
    expect(findingsOf(check(TYPO, 'Hello! How are you? Note: open.', { language: 'en' }), 'typography.nbsp')).toEqual([]);
    expect(findingsOf(check(charter({}), 'Merci!', { language: 'fr' }), 'typography.nbsp')).toEqual([]);
  });

  it('is a suggestion that names the mark', () => {
    const [f] = findingsOf(fr('Merci!'), 'typography.nbsp');
    expect(f).toMatchObject({ severity: 'suggestion', params: { mark: '!' }, fix: { kind: 'insert_nbsp' } });
  });

  it('every typography fix holds', () => {
    const text = 'Bonjour ! Votre commande: prête ; le café? Servi. « Merci » !';
    expect(expectFixesHold(TYPO, text, { language: 'fr' })).toBe(7);
    expect(expectFixesHold(FRENCH_CHARTER, 'Salut ! Ta commande: prête ?', { language: 'fr', writerFirstName: 'Léa' })).toBeGreaterThan(2);
  });
});
