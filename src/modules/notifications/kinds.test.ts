import { describe, expect, it } from 'vitest';
import { en, fr } from '../../../web/i18n/bundles.js';
import { NOTIFICATION_KIND_NAMES, isNotificationKind, linkFor } from './kinds.js';
import { hasWording, notificationMail } from './mail-text.js';

// The app's key for a kind, as web/scenes/notifications/text.ts builds it.
const camel = (kind: string) => kind.replace(/[._-]+(\w)/g, (_, c: string) => c.toUpperCase());

describe('the notification kinds', () => {
  it('each have an e-mail and app texts in both languages', () => {
    for (const kind of NOTIFICATION_KIND_NAMES) {
      for (const [lang, dict] of [['en', en], ['fr', fr]] as const) {
        expect(hasWording(lang, kind), `${lang} mail ${kind}`).toBe(true);
        const texts = (dict.notifications.kinds as Record<string, Record<string, string> | undefined>)[camel(kind)];
        expect(texts && texts.text && texts.label && texts.hint, `${lang} app texts of ${kind}`).toBeTruthy();
      }
    }
  });

  it('lead into the workspace they belong to', () => {
    expect(linkFor({ type: 'post', id: 'p/1' }, 'w 1')).toBe('/w/w%201/calendar/posts/p%2F1');
    expect(linkFor({ type: 'account', id: 'a1' }, 'w1')).toBe('/w/w1/settings/accounts');
    expect(isNotificationKind('toString')).toBe(false);
  });

  it('write e-mails as plain text on one-line subjects', () => {
    const mail = notificationMail({
      to: 'a@example.com', kind: 'comment.mention', locale: 'en', workspaceName: 'Brand\r\nBcc: x@example.com',
      params: { actorName: 'Eve', comment: '<b>hi</b>', excerpt: 'Launch' }, link: 'https://r.example/w/1', settingsLink: 'https://r.example/account/notifications',
    });
    expect(mail.subject).toBe('[Brand Bcc: x@example.com] Eve mentioned you in a comment');
    expect(mail.text).toContain('"<b>hi</b>"');
    expect(mail.text).toContain('https://r.example/w/1');
  });
});
