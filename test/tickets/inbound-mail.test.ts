import { describe, expect, it } from 'vitest';
import { parseInboundMail, stripQuoted } from '../../src/mail/inbound-parse.js';
import { hashReplyToken, newReplyToken, replyAddress, tokenOf } from '../../src/modules/tickets/reply-address.js';
import { departmentMail } from '../../src/modules/tickets/department-mail.js';

describe('answers by e-mail', () => {
  it('keep only what is new: quoted history, attribution lines and signatures are left out', () => {
    expect(stripQuoted('Done, refund sent.\n\nOn Tue, 1 Dec 2026 at 10:00, Ruche <r@x.test> wrote:\n> the message\n> more')).toBe('Done, refund sent.');
    expect(stripQuoted('C’est fait.\n\nLe mar. 1 déc. 2026 à 10:00, Ruche <r@x.test> a écrit :\n> le message')).toBe('C’est fait.');
    // Gmail wraps a long attribution on two lines.
    expect(stripQuoted('Yes.\n\nOn Tue, 1 Dec 2026 at 10:00, Ruche Notifications <noreply@ruche.test>\nwrote:\n> x')).toBe('Yes.');
    expect(stripQuoted('Handled.\n\n-----Original Message-----\nFrom: Ruche\nSent: today\n\nthe message')).toBe('Handled.');
    expect(stripQuoted('Handled.\n\nFrom: Ruche <r@x.test>\nSent: Tuesday\nTo: legal@brand.test\nSubject: Ticket\n\nthe message')).toBe('Handled.');
    expect(stripQuoted('Line one\n> quoted inline\nLine two\n-- \nJane, Legal')).toBe('Line one\nLine two');
  });

  it('read an HTML-only answer as text, never keeping markup', async () => {
    const raw = [
      'From: Legal <legal@brand.test>',
      'To: replies+t-0123456789abcdef0123456789abcdef@ruche.test',
      'Message-ID: <m1@brand.test>',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>We <b>agree</b>.<script>alert(1)</script></p><blockquote>old</blockquote>',
    ].join('\r\n');
    const mail = await parseInboundMail(raw);
    expect(mail.from).toBe('legal@brand.test');
    expect(mail.recipients).toContain('replies+t-0123456789abcdef0123456789abcdef@ruche.test');
    expect(mail.messageId).toBe('<m1@brand.test>');
    expect(mail.text).toContain('We agree.');
    expect(mail.text).not.toMatch(/<b>|<p>|<script>/);
  });

  it('reach a ticket only through its own token, whatever the case', () => {
    const token = newReplyToken();
    const address = replyAddress('Replies@Example.com', token);
    expect(address).toBe(`replies+t-${token}@example.com`);
    expect(tokenOf('replies@example.com', address.toUpperCase())).toBe(token);
    expect(tokenOf('replies@example.com', `<${address}>`)).toBe(token);
    expect(tokenOf('replies@example.com', `replies+t-${token}@evil.test`)).toBeNull();
    expect(tokenOf('replies@example.com', `other+t-${token}@example.com`)).toBeNull();
    expect(tokenOf('replies@example.com', 'replies+t-short@example.com')).toBeNull();
    expect(tokenOf('replies@example.com', 'replies@example.com')).toBeNull();
    expect(hashReplyToken(token)).toBe(hashReplyToken(token.toUpperCase()));
    expect(hashReplyToken(token)).not.toContain(token);
  });

  it('send the department plain text, with the author’s words kept apart from the mail’s own lines', () => {
    const mail = departmentMail({
      locale: 'fr', to: 'legal@brand.test', workspaceName: 'Brand\r\nBcc: x@evil.test', departmentName: 'Juridique', network: 'bluesky',
      author: { handle: 'eve.test', displayName: 'Eve\nReply-To: x@evil.test' }, itemText: 'Bonjour\r\n<b>avocat</b>\u0007', itemUrl: null,
      receivedAt: 0, dueAt: Date.UTC(2026, 11, 4, 12), note: null, link: 'https://ruche.test/w/1/tickets/2', replyTo: 'replies+t-x@ruche.test',
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Ticket pour Juridique\u00a0: Bonjour <b>avocat</b>');
    expect(mail.text).toContain('Bonjour\n<b>avocat</b>\n');
    expect(mail.text).not.toContain('\u0007');
    expect(mail.text).toContain('De\u00a0: Eve Reply-To: x@evil.test (@eve.test)');
    expect(mail.replyTo).toBe('replies+t-x@ruche.test');
  });
});
