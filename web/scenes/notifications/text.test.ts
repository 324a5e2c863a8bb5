import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../../i18n/bundles.js';
import { kindKey, notificationWords, timeAgo } from './text.js';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
const KINDS = ['approval.requested', 'post.approved', 'post.changes_requested', 'post.failed', 'post.waiting_approval', 'account.reconnect', 'comment.mention'];

describe('notification texts', () => {
  it('names kinds as translation keys', () => {
    expect(kindKey('post.changes_requested')).toBe('postChangesRequested');
    expect(kindKey('approval.requested')).toBe('approvalRequested');
  });

  it('has words, a label and a hint for every kind in both languages', () => {
    for (const lng of ['en', 'fr']) {
      const t = i18n.getFixedT(lng);
      for (const kind of KINDS) {
        for (const part of ['text', 'label', 'hint']) expect(i18n.exists(`notifications.kinds.${kindKey(kind)}.${part}`, { lng }), `${lng} ${kind} ${part}`).toBe(true);
        expect(notificationWords(t, { kind, params: { excerpt: 'Hello', authorName: 'Ann', actorName: 'Bob', handle: 'brand' } }).text).not.toMatch(/\{\{/);
      }
    }
  });

  it('fills in the params as text and keeps people\'s own words apart', () => {
    const t = i18n.getFixedT('en');
    const words = notificationWords(t, { kind: 'comment.mention', params: { actorName: '<img src=x>', excerpt: 'Launch', comment: '@ann look' } });
    expect(words.text).toContain('<img src=x>');
    expect(words.detail).toBe('@ann look');
    expect(notificationWords(t, { kind: 'post.failed', params: { excerpt: 'x', outcome: 'unknown' } }).text).toMatch(/may not/);
  });

  it('reads an unknown kind sensibly', () => {
    expect(notificationWords(i18n.getFixedT('fr'), { kind: 'listening.spike', params: {} }).text).toBe(fr.notifications.kinds.unknown.text);
  });

  it('says how long ago, in the reader\'s language', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(timeAgo('2026-03-10T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(timeAgo('2026-03-08T12:00:00Z', now, 'fr')).toBe('avant-hier');
    expect(timeAgo('2026-03-10T11:59:50Z', now, 'en')).toBe('now');
  });
});
