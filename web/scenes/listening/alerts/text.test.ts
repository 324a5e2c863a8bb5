import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../../i18n/en/crisis.json' with { type: 'json' };
import fr from '../../../i18n/fr/crisis.json' with { type: 'json' };
import { duration, measure, safeLink, topicColor, windowMinutes } from './text.js';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: { crisis: en } }, fr: { translation: { crisis: fr } } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
const tEn = i18n.getFixedT('en');
const tFr = i18n.getFixedT('fr');

// The window as the server keeps it: its end is the last millisecond inside it.
const window15 = { windowStart: '2026-03-02T10:00:00.000Z', windowEnd: '2026-03-02T10:14:59.999Z' };

describe('an alert said against the usual', () => {
  it('counts mentions in the window against the expected level', () => {
    expect(windowMinutes(window15)).toBe(15);
    expect(measure(tEn, { kind: 'volume_spike', observed: 214, expected: 19.6, ...window15 }, 'en')).toBe('214 mentions in 15 min — about 20 usual');
    expect(measure(tFr, { kind: 'volume_spike', observed: 1, expected: 0.2, ...window15 }, 'fr')).toBe('1 mention en 15 min — environ 0 d’habitude');
  });

  it('gives a sentiment drop as shares of negative mentions', () => {
    const said = measure(tEn, { kind: 'sentiment_drop', observed: 0.62, expected: 0.12, ...window15 }, 'en');
    expect(said).toBe('62% of mentions negative in 15 min — about 12% usual');
    expect(measure(tFr, { kind: 'sentiment_drop', observed: 0.62, expected: 0.12, ...window15 }, 'fr')).toMatch(/^62\s%.*12\s%/u);
  });

  it('names a positive surge by what was counted', () => {
    expect(measure(tEn, { kind: 'positive_surge', observed: 40, expected: 5, ...window15 }, 'en')).toBe('40 positive mentions in 15 min — about 5 usual');
  });
});

describe('how long a crisis has been open', () => {
  const opened = '2026-03-02T10:00:00.000Z';
  const at = (minutes: number) => new Date(opened).getTime() + minutes * 60_000;
  it('says minutes, then hours, then days', () => {
    expect(duration(tEn, opened, at(7))).toBe('7 min');
    expect(duration(tEn, opened, at(125))).toBe('2 h 05 min');
    expect(duration(tFr, opened, at(60 * 27))).toBe('1 j 3 h');
    expect(duration(tEn, opened, at(-5))).toBe('less than a minute');
    expect(duration(tFr, opened, at(0))).toBe('moins d’une minute');
    expect(duration(tEn, opened, at(60))).toBe('1 h 00 min');
  });
});

describe('links and colours from the network', () => {
  it('follows http and https only', () => {
    expect(safeLink('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeLink('http://example.com')).toBe('http://example.com/');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('data:text/html,<script>x</script>')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
    expect(safeLink(`https://example.com/${'a'.repeat(3000)}`)).toBeNull();
    expect(safeLink(null)).toBeNull();
  });

  it('draws a topic colour only when it is a plain hex colour', () => {
    expect(topicColor('#12abEF')).toBe('#12abEF');
    expect(topicColor('red;background:url(x)')).not.toContain('url');
  });
});
