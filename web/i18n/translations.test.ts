import { describe, expect, it } from 'vitest';
import { en, fr } from './bundles.js';
import { PERMISSIONS, ROLES } from '../../src/shared/permissions.js';
import { AREAS } from '../lib/areas.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const english = leaves(en as Tree);
const french = leaves(fr as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('have the same keys in French and English, none empty', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of [...english, ...french]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of english) expect(placeholders(french.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  it('name every role, permission and area', () => {
    for (const role of ROLES) expect(french.has(`roles.${role}`), role).toBe(true);
    for (const permission of PERMISSIONS) expect(french.has(`permissions.${permission}`), permission).toBe(true);
    for (const area of AREAS) {
      expect(french.has(`areas.${area.id}.title`), area.id).toBe(true);
      expect(french.has(`areas.${area.id}.description`), area.id).toBe(true);
    }
    expect(french.get('roles.community_manager')).toBe('Community manager');
  });
});
