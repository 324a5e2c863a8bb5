/**
 * The errors a new user meets first, each said in the page's language at desktop width and at 390 px: a wrong
 * password at sign-in, a Mastodon instance that is no server address or where nothing answers, a
 * topic's malformed query. Screenshots go to /tmp/shots/errors.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';

const SHOTS = '/tmp/shots/errors';
const exact = { exact: true } as const;

async function shoot(page: Page, name: string, lang: Lang) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-1280-${lang}.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390-${lang}.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

export async function errorsFlow(browser: Browser, server: Server, lang: Lang) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const owner = { name: 'Olga Owner', email: `olga-${lang}@example.com`, password: 'owner password 1', workspace: 'Hive' };
  const first = await newVisitor(browser, server, locale);
  const me = ui(first.page, lang);
  const t = me.t;
  await first.page.setViewportSize({ width: 1280, height: 800 });
  await me.setupOwner(owner);
  const wid = me.workspaceId();

  // Mastodon: an address that is none is told before anything is sent; one where nothing answers, by the server, in the page's language.
  const page = first.page;
  await page.goto(`/w/${wid}/settings/accounts`);
  const mastodon = page.getByRole('region', { name: t('accounts.mastodonTitle'), ...exact });
  await mastodon.getByLabel(t('accounts.instance'), exact).fill('not a server');
  await mastodon.getByRole('button', { name: t('accounts.connectMastodon'), ...exact }).click();
  await mastodon.getByRole('alert').getByText(t('accounts.badInstance', { instance: 'not a server' }), exact).waitFor();
  await shoot(page, 'mastodon-not-an-address', lang);
  await mastodon.getByLabel(t('accounts.instance'), exact).fill('localhost:9');
  await mastodon.getByRole('button', { name: t('accounts.connectMastodon'), ...exact }).click();
  // Nothing answers there: the address typed is named with what to check, not given as the fetch's English.
  await mastodon.getByRole('alert').getByText(t('accounts.unreachable', { address: 'localhost:9' }), exact).waitFor();
  await shoot(page, 'mastodon-refused', lang);

  // An error belongs to the form that raised it: turning to Bluesky clears Mastodon's, and back again clears Bluesky's.
  const bluesky = page.getByRole('region', { name: t('accounts.blueskyTitle'), ...exact });
  await bluesky.getByRole('button', { name: t('accounts.connectBluesky'), ...exact }).click();
  await bluesky.getByRole('alert').getByText(t('accounts.needHandle'), exact).waitFor();
  await expect.poll(() => mastodon.getByRole('alert').count()).toBe(0);
  await mastodon.getByLabel(t('accounts.instance'), exact).fill('mastodon.example');
  await expect.poll(() => bluesky.getByRole('alert').count()).toBe(0);

  // A topic's malformed query: said in words as it is typed, and refused in words if saved anyway.
  await me.goTo('listening');
  await page.getByRole('link', { name: t('listening.dashboard.emptyLink'), ...exact }).click();
  const dialog = page.getByRole('dialog', { name: t('listening.topics.form.newTitle') });
  await dialog.getByLabel(t('listening.topics.form.name'), exact).fill('Acme');
  await dialog.getByLabel(t('listening.topics.form.query'), exact).fill('acme AND "toaster');
  await dialog.getByText(t('listening.query.errors.unclosed_quote', { column: 10 }), exact).waitFor();
  await dialog.getByRole('button', { name: t('listening.topics.form.create'), ...exact }).click();
  await shoot(page, 'topic-malformed-query', lang);
  await first.context.close();

  // Sign-in with a wrong password, from a fresh browser.
  const second = await newVisitor(browser, server, locale);
  const visitor = ui(second.page, lang);
  await second.page.setViewportSize({ width: 1280, height: 800 });
  await second.page.goto('/signin');
  await visitor.signIn(owner.email, 'not the password');
  await visitor.expectAlert(t('errors.invalid_credentials'));
  await shoot(second.page, 'signin-wrong-password', lang);
  await second.context.close();
}
