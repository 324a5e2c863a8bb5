/**
 * Connecting Facebook and Instagram as a community manager would, in either language: the Connect list (one network
 * not set up, greyed with the way to fix it), the permissions Meta will ask and why, the Meta Graph fake's own
 * Facebook Login page (test/connectors/meta-fake-oauth.ts), the picker back in Ruche (a Page, the Instagram account
 * linked to it, and a Page with no Instagram greyed with Meta's reason), a refused connection and a missing
 * permission explained, and the warning with Reconnect when a token nears its end.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { connectThroughMeta } from './meta-connect.js';
import type { MetaFake } from '../connectors/meta-fake.js';
import type { TestRuche } from '../helpers/ruche.js';

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'mobile']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/shots/h2/${name}-${tag}-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

export async function networksConnectFlow(browser: Browser, server: TestRuche & Server, fake: MetaFake, lang: Lang, names: { owner: string; page: string; lonely: string }) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  await page.setViewportSize({ width: 1366, height: 900 });
  const me = ui(page, lang);
  const t = me.t;
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: 'Hive' });
  const wid = me.workspaceId();
  const linked = fake.createPage(names.page, { instagram: true });
  // The same person also runs a Page with no Instagram account: the picker must say why it cannot be chosen.
  const lonely = fake.createPage(names.lonely);
  lonely.page.owner = linked.user.id;
  fake.loginAs = linked.user.id;

  const accountsPage = `/w/${wid}/settings/accounts`;
  await page.goto(accountsPage);
  await me.expectTitle(t('accounts.title'));
  const connectFacebook = page.getByRole('button', { name: t('connect.connect', { network: 'Facebook' }) });
  await connectFacebook.waitFor();
  // LinkedIn has no app here: shown, disabled, with where an administrator adds it.
  expect(await page.getByRole('button', { name: t('connect.connect', { network: 'LinkedIn' }) }).isDisabled()).toBe(true);
  // What has to happen first is said once under the list, and read with each network not set up.
  const notReady = page.getByRole('link', { name: t('connect.notReadyLink') });
  await notReady.waitFor();
  expect(await notReady.count()).toBe(1);
  const linkedIn = page.getByRole('button', { name: t('connect.connect', { network: 'LinkedIn' }) });
  expect(await page.locator(`#${await linkedIn.getAttribute('aria-describedby')}`).textContent()).toContain(t('connect.notReady'));
  await shoot(page, 'connect-menu', lang);

  // Before leaving: the permissions and why; then Meta's login and the picker, with the Page without Instagram choosable.
  await connectThroughMeta(page, lang, {
    network: 'Facebook', choose: names.page, start: connectFacebook,
    atPermissions: async (permissions) => {
      await permissions.getByText('pages_manage_posts').waitFor();
      await shoot(page, 'permissions', lang);
    },
    atPicker: async (picker) => {
      expect(await picker.getByRole('button', { name: t('connect.choose', { name: names.lonely }) }).isDisabled()).toBe(false);
      await shoot(page, 'picker-facebook', lang);
    },
  });
  expect(new URL(page.url()).search).toBe('');

  // Instagram: the account linked to the Page; the Page without one is greyed, with the reason in the user's language.
  await connectThroughMeta(page, lang, {
    network: 'Instagram', choose: names.page,
    atPicker: async (igPicker) => {
      await igPicker.getByText(t('connect.kind.Instagram')).first().waitFor();
      expect(await igPicker.getByRole('button', { name: t('connect.choose', { name: names.lonely }) }).isDisabled()).toBe(true);
      await igPicker.getByText(t('connect.unavailable', { reason: t('connect.unavailableReason.no_instagram_professional') }), { exact: true }).waitFor();
      await shoot(page, 'picker-instagram', lang);
    },
  });
  const accounts = (await me.api('GET', `/workspaces/${wid}/accounts`)).items as Array<{ id: string; network: string; handle: string }>;
  expect(accounts.map((a) => a.network).sort()).toEqual(['facebook', 'instagram']);

  // Back from the network without a connection: what happened, in the network's words as text, and what to do.
  await page.goto(`${accountsPage}?network=facebook&connect=failed&message=${encodeURIComponent('<b>Invalid</b> app')}`);
  await me.expectAlert(t('connect.failed', { network: 'Facebook' }));
  await page.getByText('<b>Invalid</b> app').waitFor();
  await page.goto(`${accountsPage}?network=instagram&connect=missing_scopes&scopes=instagram_content_publish`);
  await page.getByText(t('connect.missingScopesWhat')).waitFor();
  await page.getByText('instagram_content_publish', { exact: true }).waitFor();
  await shoot(page, 'missing-scopes', lang);

  // A token that ends within the week: the row warns and offers Reconnect, which goes through Meta again.
  const ig = accounts.find((a) => a.network === 'instagram')!;
  await server.ctx.store.db.updateTable('social_accounts').set({ token_expires_at: Date.now() + 2 * 24 * 3600 * 1000 }).where('id', '=', ig.id).execute();
  await page.goto(accountsPage);
  const reconnect = page.getByRole('button', { name: t('accounts.reconnectFor', { handle: ig.handle }) });
  await reconnect.waitFor();
  await page.getByText(new RegExp(t('connect.expiresSoon', { date: 'DATE' }).split('DATE')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).waitFor();
  await shoot(page, 'expiry-warning', lang);

  // Meta's long words about a refused part of the connection: on a phone the page does not scroll sideways, the
  // words fold to a few lines that open on demand, and "Try again" stays in reach.
  const fb = accounts.find((a) => a.network === 'facebook')!;
  const words = `(#200) Subscribing this Page to the app's webhooks requires the pages_manage_metadata permission. ${'Comments arrive by polling until then. '.repeat(6)}`;
  await server.ctx.store.db.updateTable('social_accounts').set({ connection_warning: words }).where('id', '=', fb.id).execute();
  await page.goto(accountsPage);
  await page.getByText(t('accounts.connectionWarning', { network: 'Facebook' })).waitFor();
  for (const [width, height] of [[1366, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `the accounts page fits ${width} px`).toBe(true);
  }
  const retry = page.getByRole('button', { name: t('accounts.retryWarningFor', { handle: fb.handle }) });
  const more = page.getByRole('button', { name: t('accounts.warningMore') });
  expect(await more.getAttribute('aria-expanded')).toBe('false');
  const folded = (await retry.boundingBox())!;
  expect(folded.x + folded.width).toBeLessThanOrEqual(390);
  await shoot(page, 'connection-warning', lang);
  await page.setViewportSize({ width: 390, height: 844 });
  await more.click();
  await page.getByRole('button', { name: t('accounts.warningLess') }).waitFor();
  // Unfolded, the words take more room: the button below them moves down.
  expect((await retry.boundingBox())!.y).toBeGreaterThan(folded.y);
  await page.setViewportSize({ width: 1366, height: 900 });
  await connectThroughMeta(page, lang, { network: 'Instagram', choose: names.page, start: reconnect });
  const after = (await me.api('GET', `/workspaces/${wid}/accounts`)).items as Array<{ id: string; tokenExpiresAt: string | null }>;
  // Reconnecting keeps the same account (and its history), with a fresh token.
  expect(after.map((a) => a.id).sort()).toEqual(accounts.map((a) => a.id).sort());
  await context.close();
}
