import { describe, expect, it } from 'vitest';
import { mentionTokens, mentionedMembers } from './mentions.js';

const members = [
  { userId: 'sam', name: 'Sam Strategist', email: 'sam.s@example.com' },
  { userId: 'helene', name: 'Hélène Dupré', email: 'hd@example.com' },
  { userId: 'ann1', name: 'Ann Smith', email: 'ann.smith@example.com' },
  { userId: 'ann2', name: 'Ann Jones', email: 'ajones@example.com' },
];

describe('mentions in a comment', () => {
  it('finds a member by e-mail local part, whole name or unique first name', () => {
    expect(mentionedMembers('@sam.s please look', members)).toEqual(['sam']);
    expect(mentionedMembers('cc @SamStrategist', members)).toEqual(['sam']);
    expect(mentionedMembers('@sam, what do you think?', members)).toEqual(['sam']);
    expect(mentionedMembers('Merci @helene.', members)).toEqual(['helene']);
    expect(mentionedMembers('Merci @Hélène_Dupré !', members)).toEqual(['helene']);
  });

  it('does not guess between two members who share a first name', () => {
    expect(mentionedMembers('@ann can you check', members)).toEqual([]);
    expect(mentionedMembers('@ajones and @ann.smith', members).sort()).toEqual(['ann1', 'ann2']);
  });

  it('ignores e-mail addresses and unknown names', () => {
    expect(mentionTokens('write to sam@example.com')).toEqual([]);
    expect(mentionedMembers('write to sam@example.com or @nobody', members)).toEqual([]);
  });
});
