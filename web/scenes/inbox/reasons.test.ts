/**
 * Every rule name the analysis can put in a reason is said as a sentence in English and French. The names are
 * gathered from the analysis's sources (literal names, and the two names built from parts), so a new rule without
 * words fails here; the exported list the web reads is checked against them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { REASON_RULES } from '../../../src/analysis/index.js';
import { en, fr } from '../../i18n/bundles.js';
import { ruleSaid } from './reasons.js';

const ROOT = join(import.meta.dirname, '../../../src/analysis');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

/** The rule names written in the sources: `rule: 'slur'`, spam's `add('money', …)` and `cue('free', …)`, pattern tables. */
function namesInSources(): { literal: Set<string>; built: Set<string> } {
  const literal = new Set<string>();
  const built = new Set<string>();
  for (const text of sources(ROOT)) {
    for (const m of text.matchAll(/\brule: '([^']+)'/g)) literal.add(m[1]);
    for (const m of text.matchAll(/(?<![.\w])(?:add|cue)\('([^']+)'/g)) literal.add(m[1]);
    for (const m of text.matchAll(/\['([a-z-]+)', rule\(/g)) literal.add(m[1]);
    for (const m of text.matchAll(/\brule: `([^`]+)`/g)) built.add(m[1]);
  }
  return { literal, built };
}

async function translator(lang: 'en' | 'fr') {
  const i18n = createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: lang === 'en' ? en : fr } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('analysis reasons in words', () => {
  it('lists every rule name the analysis writes', () => {
    const { literal, built } = namesInSources();
    expect(literal.size).toBeGreaterThan(30);
    for (const name of literal) expect(REASON_RULES, name).toContain(name);
    // Names built from parts: the denials of hate rules and the two strengths of sexual words. Another one needs
    // its expansion in src/analysis/rule-names.ts and here.
    expect([...built].sort()).toEqual(['negated-${h.rule}', 'sexual-${h.value}']);
    for (const name of REASON_RULES.filter((r) => literal.has(r) && /^(hate|derogation|exclusion|violence|slur-|no-group|haine|appel|slogan)/.test(r))) {
      expect(REASON_RULES).toContain(`negated-${name}`);
    }
    expect(REASON_RULES).toContain('sexual-strong');
    expect(REASON_RULES).toContain('sexual-weak');
  });

  it.each(['en', 'fr'] as const)('says each in %s, never as its name', async (lang) => {
    const t = await translator(lang);
    const unknown = t('inbox.ruleSaid.unknown');
    expect(unknown).not.toBe('inbox.ruleSaid.unknown');
    for (const rule of REASON_RULES) {
      const said = ruleSaid(t, rule);
      expect(said, rule).not.toBe(unknown);
      expect(said, rule).not.toBe(rule);
      if (rule.includes('-')) expect(said, rule).not.toContain(rule);
      expect(said.length, rule).toBeGreaterThan(5);
    }
    // A rule this version does not know, or a name that is not one, reads as the generic wording.
    expect(ruleSaid(t, 'rule-from-the-future')).toBe(unknown);
    expect(ruleSaid(t, 'inbox.title')).toBe(unknown);
    expect(ruleSaid(t, '__proto__')).toBe(unknown);
  });

  it('says the examples in plain words', async () => {
    expect(ruleSaid(await translator('en'), 'threat-first-person')).toBe('Threat written in the first person');
    expect(ruleSaid(await translator('fr'), 'complaint-problem')).toBe('Des mots de réclamation sur un problème');
  });
});
