import { describe, expect, it } from 'vitest';
import { findEmoji } from '../../../src/shared/charter/check/emoji.js';
import { graphemeEnds } from '../../../src/shared/charter/check/graphemes.js';
import { ENGLISH_CHARTER, FRENCH_CHARTER } from '../fixtures.js';
import { charter, check, expectFixesHold, findingsOf, fixed, spansOf } from './helpers.js';

describe('grapheme clusters', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  it.each([
    'Bonjour, ça va ?',
    'e\u0301te\u0301 à la plage',
    'Merci 😀 👨‍👩‍👧‍👦 🇫🇷🇬🇧 👍🏽 1️⃣ ☕️ ™️ ™',
    'Ligne\r\nsuivante\nencore\r',
    '한국어 텍스트 and नमस्ते दुनिया',
    'Ruche Café™ — « Bienvenue » …',
    '🏴󠁧󠁢󠁳󠁣󠁴󠁿 x\u200dy a\u0308\u0301',
    '',
  ])('%j is cut as Intl.Segmenter cuts it', (text) => {
    expect(graphemeEnds(text)).toEqual([...segmenter.segment(text)].map((s) => s.index + s.segment.length));
  });
});

describe('emoji', () => {
  it.each([
    ['Bonjour', 0],
    ['Merci 😀', 1],
    ['👨‍👩‍👧‍👦', 1],
    ['🇫🇷🇬🇧', 2],
    ['👍🏽', 1],
    ['🧑🏾‍💻', 1],
    ['❤️', 1],
    ['1️⃣', 1],
    ['#️⃣', 1],
    ['Ruche Café™ et HoneyPass® ©2025', 0],
    ['☕️🐝🍯', 3],
    ['🏳️‍🌈', 1],
    ['Les chiffres 1 2 3 et # *', 0],
  ])('%j holds %i emoji', (text, count) => {
    expect(findEmoji(text)).toHaveLength(count);
  });

  const FEW = charter({ emoji: 'few', emojiMax: 2 });
  const NONE = charter({ emoji: 'none' });
  const FREE = charter({ emoji: 'free' });

  it('few: the emoji past the limit are flagged, a family counting once', () => {
    const text = 'Merci 😀 👨‍👩‍👧‍👦 🇫🇷 👍🏽';
    const r = check(FEW, text);
    expect(spansOf(text, r, 'emoji.too_many')).toEqual(['🇫🇷', '👍🏽']);
    expect(findingsOf(r, 'emoji.too_many')[0]).toMatchObject({ severity: 'suggestion', params: { count: 4, max: 2 } });
    expect(findingsOf(check(FEW, 'Merci 😀 👨‍👩‍👧‍👦'), 'emoji.too_many')).toEqual([]);
  });

  it('none: every emoji is flagged and removed with its space', () => {
    const text = 'Merci 😀 et à bientôt 🐝';
    expect(spansOf(text, check(NONE, text), 'emoji.none')).toEqual(['😀', '🐝']);
    expect(fixed(NONE, text, 'emoji.none')).toBe('Merci et à bientôt 🐝');
    expect(fixed(NONE, '😀 Merci', 'emoji.none')).toBe('Merci');
    expect(fixed(NONE, 'Merci😀 beaucoup', 'emoji.none')).toBe('Merci beaucoup');
    expect(fixed(NONE, 'Merci 😀', 'emoji.none')).toBe('Merci');
  });

  it('free: anything goes', () => {
    expect(check(FREE, '😀😀😀😀😀').findings).toEqual([]);
  });

  it('every emoji fix holds', () => {
    expect(expectFixesHold(NONE, 'Merci 😀 👨‍👩‍👧‍👦 🇫🇷 !')).toBe(3);
    expect(expectFixesHold(FEW, '😀 👨‍👩‍👧‍👦 🇫🇷 👍🏽 merci')).toBe(2);
  });
});

describe('brand names', () => {
  const fr = (text: string) => check(FRENCH_CHARTER, text, { language: 'fr' });

  it.each([
    ['Bienvenue chez ruche café.', 'ruche café'],
    ['Bienvenue chez Ruche Café.', 'Ruche Café'],
    ['Bienvenue chez RUCHE CAFE™.', 'RUCHE CAFE™'],
    ['Bienvenue chez RucheCafé.', 'RucheCafé'],
    ['Bienvenue chez Ruche-Café™.', 'Ruche-Café™'],
    ['Bienvenue chez Ruche Café ®.', 'Ruche Café ®'],
    ['Bienvenue chez Ruche Coffee.', 'Ruche Coffee'],
    ['Bienvenue chez Ruche  Café™.', 'Ruche  Café™'],
    ['Ton Miel Pass est prêt.', 'Miel Pass'],
    ['Ton miel-pass est prêt.', 'miel-pass'],
    ['Ton MIELPASS est prêt.', 'MIELPASS'],
  ])('%j is respelt', (text, span) => {
    const r = fr(text);
    const [f] = findingsOf(r, 'name.spelling');
    expect(text.slice(f.start, f.end)).toBe(span);
    expect(f.severity).toBe('warning');
    const use = /miel/i.test(span) ? 'MielPass' : 'Ruche Café™';
    expect(f.params).toEqual({ found: span, use });
    expect(fixed(FRENCH_CHARTER, text, 'name.spelling', { language: 'fr' })).toBe(text.replace(span, use));
  });

  it.each([
    'Bienvenue chez Ruche Café™.',
    'Ton MielPass est prêt.',
    'Suis @ruchecafe et #RucheCafé.',
    'Va sur https://ruche-cafe.example/ruche-cafe',
    'Une cliente écrit « ruche café c’est top ».',
    'Une ruche et un café.',
    'Les ruches cafés.',
  ])('%j is left alone', (text) => {
    expect(findingsOf(fr(text), 'name.spelling')).toEqual([]);
  });

  it('English names, with ® and variants', () => {
    const text = 'Join HiveCoop and the hive co-op with your Honeypass.';
    const r = check(ENGLISH_CHARTER, text, { language: 'en' });
    expect(spansOf(text, r, 'name.spelling')).toEqual(['HiveCoop', 'hive co-op', 'Honeypass']);
    expect(expectFixesHold(ENGLISH_CHARTER, text, { language: 'en' })).toBeGreaterThanOrEqual(3);
    expect(fixed(ENGLISH_CHARTER, 'Get HoneyPass today.', 'name.spelling', { language: 'en' })).toBe('Get HoneyPass® today.');
  });
});
