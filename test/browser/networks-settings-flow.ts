/**
 * Settings > Networks, driven by the instance administrator in either language: reached from the user menu, a warning
 * that the networks cannot reach the 127.0.0.1 address Ruche has without PUBLIC_URL, every network folded to its name
 * and status (the page short on a phone) and opened on demand with its redirect URL, LinkedIn's keys saved and shown ready with the secret gone from
 * the page, the networks Ruche cannot connect named. A workspace admin who does not administer the instance sees no
 * way there. Each screen is photographed at 1280 px and 390 px (to /tmp/shots/h1), and none scrolls sideways on a phone.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import type { TestRuche } from '../helpers/ruche.js';

const SHOTS = '/tmp/shots/h1';
const exact = { exact: true } as const;
const SECRET = 'WPL_AP1.browser-s3cret-value';

async function shoot(page: Page, name: string, lang: Lang) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/networks-${name}-1280-${lang}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `${SHOTS}/networks-${name}-390-${lang}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

export async function networksSettingsFlow(browser: Browser, server: TestRuche, lang: Lang, names: { owner: string; admin: string; workspace: string }) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const visit = await newVisitor(browser, server, locale);
  const page = visit.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  const me = ui(page, lang);
  const t = me.t;
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();

  // The owner set up first administers the instance: the user menu leads to Settings > Networks.
  await me.openAccountMenu(names.owner);
  await page.getByRole('menuitem', { name: t('menu.networks'), ...exact }).click();
  await me.expectPage(t('networks.title'));
  const card = (name: string) => page.getByRole('region', { name, ...exact });
  for (const name of ['Facebook', 'Instagram', 'LinkedIn', 'X', 'YouTube', 'Pinterest']) await card(name).waitFor();
  const linkedin = card('LinkedIn');
  await expect.poll(() => linkedin.getByText(t('networks.status.missing'), exact).count()).toBe(1);
  // Without PUBLIC_URL, Ruche's address is 127.0.0.1: the page says the networks cannot reach it and what to set.
  const warning = page.getByRole('region', { name: t('networks.publicUrl.localTitle'), ...exact });
  await warning.getByText(t('networks.publicUrl.local', { host: new URL(server.url).host }), exact).waitFor();
  // Each network is one line, its name and status, until it is opened; on a phone the whole page stays short.
  const toggle = (name: string) => card(name).getByRole('button', { name: new RegExp(`^${name}\\b`) });
  for (const name of ['Facebook', 'LinkedIn', 'Pinterest']) expect(await toggle(name).getAttribute('aria-expanded')).toBe('false');
  expect(await linkedin.getByLabel(t('networks.redirectUrl'), exact).isVisible()).toBe(false);
  await page.setViewportSize({ width: 390, height: 844 });
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(tall, 'the folded page on a phone').toBeLessThan(2600);
  await page.setViewportSize({ width: 1280, height: 900 });
  await toggle('LinkedIn').click();
  expect(await toggle('LinkedIn').getAttribute('aria-expanded')).toBe('true');
  expect(await toggle('Facebook').getAttribute('aria-expanded')).toBe('false');
  expect(await linkedin.getByLabel(t('networks.redirectUrl'), exact).inputValue()).toBe(`${server.url}/api/v1/oauth/linkedin/callback`);
  await page.getByRole('heading', { name: t('networks.gone.title'), ...exact }).waitFor();
  await page.getByText(t('networks.gone.googlePlus'), exact).waitFor();
  await shoot(page, 'empty', lang);

  // Saving without a secret is refused next to the form; with both keys LinkedIn is ready.
  await linkedin.getByLabel(t('networks.clientId'), exact).fill('86linkedinid');
  await linkedin.getByRole('button', { name: t('networks.save'), ...exact }).click();
  await linkedin.getByRole('alert').filter({ hasText: t('networks.secretRequired') }).waitFor();
  await linkedin.getByLabel(t('networks.clientSecret'), exact).fill(SECRET);
  await linkedin.getByRole('button', { name: t('networks.save'), ...exact }).click();
  await linkedin.getByRole('status').filter({ hasText: t('networks.saved', { network: 'LinkedIn' }) }).waitFor();
  await expect.poll(() => linkedin.getByText(t('networks.status.ready'), exact).count()).toBe(1);
  expect(await linkedin.getByLabel(t('networks.clientSecret'), exact).inputValue()).toBe('');
  await linkedin.getByText(t('networks.secretKept'), exact).waitFor();
  // The network being edited stays open once saved.
  expect(await toggle('LinkedIn').getAttribute('aria-expanded')).toBe('true');
  expect(await page.content()).not.toContain(SECRET);
  await shoot(page, 'linkedin-ready', lang);

  // After a reload the page still says ready, and the secret is nowhere in what the server sent.
  await page.reload();
  await me.expectTitle(t('networks.title'));
  await expect.poll(() => card('LinkedIn').getByText(t('networks.status.ready'), exact).count()).toBe(1);
  // From the keyboard: Enter on the focused line opens it.
  await toggle('LinkedIn').focus();
  await page.keyboard.press('Enter');
  expect(await toggle('LinkedIn').getAttribute('aria-expanded')).toBe('true');
  expect(await card('LinkedIn').getByLabel(t('networks.clientId'), exact).inputValue()).toBe('86linkedinid');
  expect(JSON.stringify(await me.api('GET', '/instance/networks'))).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);

  // A workspace admin who does not administer the instance has no way there, and the server refuses them.
  const invite = (await me.api('POST', `/workspaces/${wid}/invitations`, { email: `admin-${lang}@example.com`, role: 'admin' })).link as string;
  const other = await newVisitor(browser, server, locale);
  const them = ui(other.page, lang);
  await other.page.goto(new URL(invite).pathname);
  await them.acceptInvitation(names.admin, 'admin password 12');
  await them.heading(names.workspace).waitFor();
  await them.openAccountMenu(names.admin);
  await other.page.getByRole('menuitem', { name: t('menu.profile'), ...exact }).waitFor();
  expect(await other.page.getByRole('menuitem', { name: t('menu.networks'), ...exact }).count()).toBe(0);
  await other.page.keyboard.press('Escape');
  await other.page.goto('/admin/networks');
  await them.expectAlert(t('networks.notAdmin'));
  expect((await other.page.evaluate(async () => (await fetch('/api/v1/instance/networks')).status))).toBe(403);

  await other.context.close();
  await visit.context.close();
}
