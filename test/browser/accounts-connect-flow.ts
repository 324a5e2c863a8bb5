/**
 * Connecting a first account, as a new owner tries it before getting it right: a Bluesky handle or app password
 * left out, a server address that is none, a Mastodon instance left out or mistyped. Each is said in the page's
 * language above its form, with the focus on the field to fix, and nothing is sent to a network for it.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';

const exact = { exact: true } as const;

/** The label of the field that holds the focus. */
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? null);

export async function accountsConnectFlow(browser: Browser, server: Server, lang: Lang) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  let requests = 0;
  page.on('request', (r) => void (r.url().includes('/accounts/') && r.method() === 'POST' && requests++));
  await me.setupOwner({ name: 'Olga Owner', email: `olga-${lang}@example.com`, password: 'owner password 1', workspace: 'Hive' });
  await page.goto(`/w/${me.workspaceId()}/settings/accounts`);

  const bluesky = page.getByRole('region', { name: t('accounts.blueskyTitle'), ...exact });
  await bluesky.getByRole('button', { name: t('accounts.connectBluesky'), ...exact }).click();
  await bluesky.getByRole('alert').getByText(t('accounts.needHandle'), exact).waitFor();
  expect(await focused(page)).toBe(t('accounts.handle'));
  await bluesky.getByLabel(t('accounts.handle'), exact).fill('@olga.bsky.social');
  await bluesky.getByRole('button', { name: t('accounts.connectBluesky'), ...exact }).click();
  await bluesky.getByRole('alert').getByText(t('accounts.needAppPassword'), exact).waitFor();
  expect(await focused(page)).toBe(t('accounts.appPassword'));
  await bluesky.getByLabel(t('accounts.appPassword'), exact).fill('abcd-efgh-ijkl-mnop');
  await bluesky.getByLabel(`${t('accounts.pds')} (${t('common.optional')})`, exact).fill('my server');
  await bluesky.getByRole('button', { name: t('accounts.connectBluesky'), ...exact }).click();
  await bluesky.getByRole('alert').getByText(t('accounts.badPds', { address: 'my server' }), exact).waitFor();

  const mastodon = page.getByRole('region', { name: t('accounts.mastodonTitle'), ...exact });
  await mastodon.getByRole('button', { name: t('accounts.connectMastodon'), ...exact }).click();
  await mastodon.getByRole('alert').getByText(t('accounts.needInstance'), exact).waitFor();
  expect(await focused(page)).toBe(t('accounts.instance'));
  await mastodon.getByLabel(t('accounts.instance'), exact).fill('not a server');
  await mastodon.getByRole('button', { name: t('accounts.connectMastodon'), ...exact }).click();
  await mastodon.getByRole('alert').getByText(t('accounts.badInstance', { instance: 'not a server' }), exact).waitFor();

  expect(requests, 'nothing sent to a network').toBe(0);
  await context.close();
}
