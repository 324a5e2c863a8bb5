/**
 * Connecting an account that the network refuses, as a new owner meets it: a Bluesky app password the PDS does not
 * accept, the account's main password, a server that does not answer, and a Mastodon authorisation refused on the
 * instance, then given. Each refusal is one sentence in the page's language that says what to check, above its
 * form. Bluesky is a real PDS on loopback; Mastodon is the documented-API fake (no Mastodon server installs here),
 * whose authorisation page is answered "refused" the way an instance sends a person back after they click Deny.
 */
import net from 'node:net';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import type { Pds, PdsAccount } from '../connectors/bluesky-harness.js';
import type { MastodonFake } from '../connectors/mastodon-fake.js';

const exact = { exact: true } as const;

/** A loopback port with nothing listening on it: a server that does not answer. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function accountsRefusedFlow(browser: Browser, server: Server, pds: Pds, fake: MastodonFake, lang: Lang) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  const account: PdsAccount = await pds.createAccount(`refused${lang}`);
  await me.setupOwner({ name: 'Olga Owner', email: `olga-${lang}@example.com`, password: 'owner password 1', workspace: 'Hive' });
  await page.goto(`/w/${me.workspaceId()}/settings/accounts`);

  const bluesky = page.getByRole('region', { name: t('accounts.blueskyTitle'), ...exact });
  const tryBluesky = async (password: string, service: string) => {
    await bluesky.getByLabel(t('accounts.handle'), exact).fill(account.handle);
    await bluesky.getByLabel(t('accounts.appPassword'), exact).fill(password);
    await bluesky.getByLabel(`${t('accounts.pds')} (${t('common.optional')})`, exact).fill(service);
    await bluesky.getByRole('button', { name: t('accounts.connectBluesky'), ...exact }).click();
  };
  const alertOf = (region: typeof bluesky, sentence: string) => region.getByRole('alert').getByText(sentence, exact);

  // An app password the PDS does not know: what to check, not "change it".
  await tryBluesky('aaaa-bbbb-cccc-dddd', pds.url);
  await alertOf(bluesky, t('errors.network_reasons.invalid_login')).waitFor();
  // The main password: refused by Ruche itself, with where to make an app password.
  await tryBluesky('main-password', pds.url);
  await alertOf(bluesky, t('errors.app_password_required')).waitFor();
  // A server that does not answer is named, with what to check.
  const silent = await closedPort();
  await tryBluesky(account.appPassword, `http://127.0.0.1:${silent}`);
  await alertOf(bluesky, t('accounts.unreachable', { address: `127.0.0.1:${silent}` })).waitFor();
  // Put right, it connects.
  await tryBluesky(account.appPassword, pds.url);
  await page.getByRole('status').getByText(t('accounts.connected', { handle: account.handle }), exact).waitFor();

  const mastodon = page.getByRole('region', { name: t('accounts.mastodonTitle'), ...exact });
  const tryMastodon = async (instance: string) => {
    await mastodon.getByLabel(t('accounts.instance'), exact).fill(instance);
    await mastodon.getByRole('button', { name: t('accounts.connectMastodon'), ...exact }).click();
  };
  await tryMastodon(`http://127.0.0.1:${silent}`);
  await alertOf(mastodon, t('accounts.unreachable', { address: `127.0.0.1:${silent}` })).waitFor();

  // Deny on the instance: it sends the person back with error=access_denied and the state it was given.
  const authorize = `${fake.url}/oauth/authorize**`;
  await page.route(authorize, async (route) => {
    const asked = new URL(route.request().url());
    const back = new URL(asked.searchParams.get('redirect_uri')!);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', asked.searchParams.get('state') ?? '');
    await route.fulfill({ status: 302, headers: { location: back.toString() } });
  });
  await tryMastodon(fake.url);
  await page.getByRole('alert').getByText(t('accounts.connect_refused'), exact).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/w/${me.workspaceId()}/settings/accounts`);
  await page.unroute(authorize);

  // Authorised this time: back on the page, connected.
  await tryMastodon(fake.url);
  await page.getByRole('status').getByText(t('accounts.connectOk'), exact).waitFor();
  await page.getByRole('alert').getByText(t('accounts.connect_refused'), exact).waitFor({ state: 'detached' });
  await context.close();
}
