/**
 * The notification bell, driven as a person would in either language: another member asks for approval, the
 * count appears without a reload, the centre lists it, its link leads to the post, reading clears the count,
 * and the preferences page switches a kind off. The network is the in-memory test network.
 */
import { expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';

const HOSTILE = 'Launch <img src=x onerror=alert(1)> day';

export async function notificationFlow(browser: Browser, server: TestRuche & Server, lang: Lang, names: { owner: string; writer: string; workspace: string }) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  await page.setViewportSize({ width: 1280, height: 800 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  const accountId = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.local`);
  // The owner approves every post; a content creator writes them.
  await me.api('PATCH', `/workspaces/${wid}/publishing`, { approvalSteps: [{ roles: ['owner'], count: 1 }] });
  const invitation = await me.api('POST', `/workspaces/${wid}/invitations`, { email: `writer-${lang}@example.com`, role: 'content_creator' });
  const writer = new TestClient(server.url);
  const token = String(invitation.link).split('/invite/')[1];
  expect((await writer.post(`/api/v1/invitations/${token}/accept`, { name: names.writer, password: 'writer password 1' })).status).toBe(200);

  const bell = (count?: number) => me.button(count ? t(`notifications.bellUnread_${count === 1 ? 'one' : 'other'}`, { count }) : t('notifications.bell'));
  await bell().waitFor();

  // Another member asks for approval: the count appears while the page stays as it is.
  const post = await writer.post(`/api/v1/workspaces/${wid}/posts`, { body: HOSTILE, accountIds: [accountId] });
  await writer.post(`/api/v1/workspaces/${wid}/posts/${post.body.id}/submit`);
  await bell(1).waitFor({ timeout: 15_000 });
  expect(await page.locator('.notif-count').textContent()).toBe('1');

  await bell(1).click();
  const panel = page.getByRole('dialog', { name: t('notifications.title') });
  const text = t('notifications.kinds.approvalRequested.text', { authorName: names.writer, excerpt: HOSTILE });
  const item = panel.getByRole('link', { name: new RegExp(escape(text)) });
  await item.waitFor();
  // Names and post text are shown as text, never as markup.
  expect(await panel.locator('img').count()).toBe(0);
  expect(await item.getAttribute('href')).toBe(`/w/${wid}/calendar/posts/${post.body.id}`);
  await page.screenshot({ path: `/tmp/notifications-desktop-${lang}.png` });

  // A phone: the same bell, in the dark top bar; the centre fills the width.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await bell(1).click();
  await panel.waitFor();
  await page.screenshot({ path: `/tmp/notifications-mobile-${lang}.png` });
  const box = await panel.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Its link leads to the post, and opening it reads it.
  await bell(1).click();
  await item.click();
  await me.heading(t('post.title')).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/w/${wid}/calendar/posts/${post.body.id}`);
  await bell().waitFor();
  expect(await page.locator('.notif-count').count()).toBe(0);

  // Two more (the post is sent back, then another mention): mark all read clears them at once.
  await writer.post(`/api/v1/workspaces/${wid}/posts/${post.body.id}/comments`, { body: `@${names.owner.split(' ')[0]} ${lang === 'fr' ? 'tu peux regarder ?' : 'can you look?'}` });
  const second = await writer.post(`/api/v1/workspaces/${wid}/posts`, { body: 'Second post', accountIds: [accountId] });
  await writer.post(`/api/v1/workspaces/${wid}/posts/${second.body.id}/submit`);
  await bell(2).waitFor({ timeout: 15_000 });
  await bell(2).click();
  await panel.getByRole('link', { name: new RegExp(escape(t('notifications.kinds.commentMention.text', { actorName: names.writer, excerpt: HOSTILE }))) }).waitFor();
  await panel.getByRole('button', { name: t('notifications.markAllRead'), exact: true }).click();
  await bell().waitFor();
  expect(await panel.getByRole('button', { name: t('notifications.markRead'), exact: true }).count()).toBe(0);

  // The preferences: the centre leads there, and a switch stays as it was left.
  await panel.getByRole('link', { name: t('notifications.settings'), exact: true }).click();
  await me.expectPage(t('notifications.prefs.title'));
  const label = t('notifications.kinds.commentMention.label');
  const inApp = page.getByRole('checkbox', { name: t('notifications.prefs.inAppFor', { kind: label }), exact: true });
  expect(await inApp.isChecked()).toBe(true);
  await inApp.uncheck();
  await me.expectStatus(t('notifications.prefs.saved', { kind: label }));
  await page.reload();
  await me.heading(t('notifications.prefs.title')).waitFor();
  expect(await page.getByRole('checkbox', { name: t('notifications.prefs.inAppFor', { kind: label }), exact: true }).isChecked()).toBe(false);
  await page.screenshot({ path: `/tmp/notifications-preferences-${lang}.png`, fullPage: true });

  // On a phone every switch is in sight, named beside it (the table does not scroll sideways), and its word switches it.
  await page.setViewportSize({ width: 390, height: 844 });
  const hidden = await page.locator('.table-wrap').evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth);
  expect(hidden, 'the preferences fit a phone').toBeLessThanOrEqual(0);
  const row = page.getByRole('row').filter({ hasText: label });
  await row.getByText(t('notifications.prefs.inApp'), { exact: true }).click();
  await me.expectStatus(t('notifications.prefs.saved', { kind: label }));
  expect(await page.getByRole('checkbox', { name: t('notifications.prefs.inAppFor', { kind: label }), exact: true }).isChecked()).toBe(true);
  await page.screenshot({ path: `/tmp/notifications-preferences-390-${lang}.png`, fullPage: true });
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/notifications/preferences') && r.request().method() !== 'GET'),
    row.getByText(t('notifications.prefs.inApp'), { exact: true }).click(),
  ]);
  await expect.poll(() => page.getByRole('checkbox', { name: t('notifications.prefs.inAppFor', { kind: label }), exact: true }).isChecked()).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Switched off: a new mention no longer reaches the centre.
  await writer.post(`/api/v1/workspaces/${wid}/posts/${post.body.id}/comments`, { body: `@${names.owner.split(' ')[0]} again` });
  const prefs = await me.api('GET', '/notifications/preferences');
  expect(prefs.locale).toBe(lang);
  expect((await me.api('GET', '/notifications/unread-count')).unread).toBe(0);

  await context.close();
}

function escape(s: string): string {
  // Accessible names turn French non-breaking spaces into plain ones.
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\u00a0\u202f ]/g, '\\s');
}
