import { describe, expect, it } from 'vitest';
import { fillVariables, unknownVariables } from './variables.js';

describe('saved reply variables', () => {
  const sample = { handle: 'marie.bsky.social', displayName: 'Marie Dupont', brand: 'Ruche' };

  it('fills every variable, as often as it appears', () => {
    expect(fillVariables('Hi {first_name} ({author}), {brand} here. Thanks {first_name}!', sample)).toBe(
      'Hi Marie (@marie.bsky.social), Ruche here. Thanks Marie!',
    );
  });

  it('falls back to the handle when there is no name, and names unknown variables', () => {
    expect(fillVariables('{first_name}', { ...sample, displayName: ' ' })).toBe('marie.bsky.social');
    expect(unknownVariables('Hello {firstname} {author} {brand}')).toEqual(['firstname']);
  });
});
