/**
 * A post held back by its network's write budget says so on its page, in either language: which network, and
 * until when. The in-memory test network stands for a network allowing one post a minute per account.
 */
import { expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';
import type { LocalNetwork } from '../helpers/local-network.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';

/** The local network with a budget of one post a minute per account. */
export const oneAMinute = (network: LocalNetwork): ConnectorFactory => ({
  ...network.factory(),
  pacing: () => ({ concurrency: 1, budgets: [{ scope: 'account', windowMs: 60_000, max: 1, source: 'test' }] }),
});

export async function pacingFlow(browser: Browser, server: TestRuche & Server, network: LocalNetwork, lang: Lang) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  await page.setViewportSize({ width: 1280, height: 800 });
  await me.setupOwner({ name: 'Paula Pacer', email: `pacer-${lang}@example.com`, password: 'owner password 1', workspace: 'Hive' });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  const accountId = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.bsky.social`);

  // Two posts sent now, one after the other, for one account: the first goes, the second waits for the next minute.
  const ids: string[] = [];
  for (const body of ['Première annonce', 'Deuxième annonce']) {
    const created = await me.api('POST', `/workspaces/${wid}/posts`, { body, accountIds: [accountId] });
    await me.api('POST', `/workspaces/${wid}/posts/${created.id}/submit`);
    await me.api('POST', `/workspaces/${wid}/posts/${created.id}/schedule`, { at: 'now' });
    ids.push(created.id);
  }
  const waiting = async () => {
    for (const id of ids) {
      const h = await me.api('GET', `/workspaces/${wid}/posts/${id}/history`);
      if (h.items.some((e: { kind: string }) => e.kind === 'waiting_for_budget')) return id;
    }
    return null;
  };
  await expect.poll(waiting, { timeout: 20_000 }).not.toBeNull();
  const held = (await waiting())!;
  expect(network.published()).toHaveLength(1);

  await page.goto(`/w/${wid}/calendar/posts/${held}`);
  const said = me.t('postEvents.waiting_for_budget', { network: 'Bluesky', until: '' }).trim();
  // Said twice: on the account's row, beside its status, and in the post's history.
  const row = page.getByRole('region', { name: me.t('post.targets') }).getByRole('listitem').filter({ hasText: said });
  const line = page.locator('li.history-waiting_for_budget').filter({ hasText: said });
  await row.waitFor();
  await line.waitFor();
  // The time it goes out, in the workspace's zone, a minute after the first went; the same on both.
  const time = /\d{1,2}:\d{2}/;
  expect((await line.textContent())!).toMatch(time);
  expect((await row.textContent())!.match(time)?.[0]).toBe((await line.textContent())!.match(time)?.[0]);
  await page.screenshot({ path: `/tmp/pacing-${lang}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await line.waitFor();
  await page.screenshot({ path: `/tmp/pacing-${lang}-mobile.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
}
