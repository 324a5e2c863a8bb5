import { describe, expect, it } from 'vitest';
import { withMention } from './mention.js';

const author = (handle: string) => ({ id: '1', handle, displayName: null });

describe('naming the author of a Mastodon reply', () => {
  it('adds the mention when the text does not name them, and only then', () => {
    expect(withMention('Merci !', author('alice'))).toBe('@alice Merci !');
    expect(withMention('Merci @alice !', author('alice'))).toBe('Merci @alice !');
    expect(withMention('@ALICE merci', author('alice'))).toBe('@ALICE merci');
    expect(withMention('Merci @alice_b', author('alice'))).toBe('@alice Merci @alice_b');
    expect(withMention('écrivez à bob@alice.example', author('alice'))).toBe('@alice écrivez à bob@alice.example');
  });

  it('names an account of another server by its full address: a bare @user is someone else there', () => {
    expect(withMention('Merci @bob', author('bob@other.social'))).toBe('@bob@other.social Merci @bob');
    expect(withMention('Merci @bob@other.social.', author('bob@other.social'))).toBe('Merci @bob@other.social.');
    expect(withMention('Texte', undefined)).toBe('Texte');
  });
});
