/**
 * Resuming publishing after a crisis pause: a post whose time passed during the pause is planned again from the
 * resume dialog, its new day and time typed the app language's way whatever the browser's language.
 * The network is the in-memory test network.
 */
import { expect } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { newVisitor } from './harness.js';
import { typeWhen, ui, type Lang } from './helpers.js';
import type { TestRuche } from '../helpers/ruche.js';
import { connectLocalAccount } from '../helpers/publishing.js';

const ZONE = 'Europe/Paris';

export async function resumeFlow(browser: Browser, server: TestRuche, lang: Lang, body: string) {
  // The browser speaks the other language: the fields must follow the app's, not the browser's.
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'en-US' : 'fr-FR');
  const me = ui(page, lang);
  const t = me.t;
  await page.goto('/');
  await page.getByRole('combobox').first().selectOption(lang);
  await me.setupOwner({ name: 'Olga Owner', email: `owner-resume-${lang}@example.com`, password: 'owner password 1', workspace: 'Hive' });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  await me.api('PATCH', `/workspaces/${wid}`, { timezone: ZONE });
  const accountId = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.local`);

  // Paused, a post's time comes: it waits, overdue.
  await me.api('POST', `/workspaces/${wid}/publishing/pause`);
  const post = await me.api('POST', `/workspaces/${wid}/posts`, { body, accountIds: [accountId] });
  await me.api('POST', `/workspaces/${wid}/posts/${post.id}/submit`);
  await me.api('POST', `/workspaces/${wid}/posts/${post.id}/schedule`, { at: 'now' });

  await me.goTo('calendar');
  await me.button(t('crisis.resume')).click();
  const dialog = page.getByRole('dialog', { name: t('crisis.resumeTitle') });
  await dialog.getByLabel(t('crisis.choiceFor', { post: body })).selectOption('reschedule');
  const label = t('crisis.newTime', { zone: ZONE });
  const day = dialog.getByLabel(label, { exact: true });
  expect(await day.getAttribute('placeholder')).toBe(t('dates.datePattern'));
  const later = DateTime.now().setZone(ZONE).plus({ days: 2 }).set({ hour: 15, minute: 5, second: 0, millisecond: 0 });
  await typeWhen(dialog, lang, label, later);
  await page.screenshot({ path: `/tmp/resume-dialog-desktop-${lang}.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/resume-dialog-phone-${lang}.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('button', { name: t('crisis.resumeConfirm'), exact: true }).click();
  await me.expectStatus(t('crisis.resumed'));
  const saved = await me.api('GET', `/workspaces/${wid}/posts/${post.id}`);
  expect(saved.status).toBe('scheduled');
  expect(Date.parse(saved.scheduledAt)).toBe(later.toMillis());
  await context.close();
}
