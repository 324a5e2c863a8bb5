/**
 * How the pages look, in either language: a workspace with members, a pending invitation, accounts with queue
 * slots, a campaign, approval steps and posts. Every page opened by its address shows its title without a focus
 * ring and no framed form group; buttons say "Remove" and name their object to assistive technology; one top bar
 * holds the bell and the account menu. Each page is shot at desktop and phone width into /tmp.
 * The network is the in-memory test network (test/helpers/local-network.ts).
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { seedCalendar } from './calendar-fixture.js';
import { TestClient } from '../helpers/client.js';
import type { LocalNetwork } from '../helpers/local-network.js';
import type { TestRuche } from '../helpers/ruche.js';
import { saveConnection } from '../../src/modules/accounts/service.js';

export interface LookNames {
  owner: string;
  workspace: string;
  member: string;
  campaign: string;
  posts: { close: [string, string, string]; image: string; draft: string; unplanned: [string, string]; published: string; failed: string };
}

export async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'phone']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/look-${name}-${tag}-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Waits until the page's title is there and nothing on it is still loading. */
export async function settled(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[role=status].loading') === null);
}

export async function seedLook(page: Page, me: ReturnType<typeof ui>, server: TestRuche & Server, network: LocalNetwork, lang: Lang, names: LookNames) {
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const fx = await seedCalendar(page, me, server, network, 'Europe/Paris', { campaign: names.campaign, ...names.posts });
  const { wid } = fx;
  const invited = await me.api('POST', `/workspaces/${wid}/invitations`, { email: `member-${lang}@example.com`, role: 'community_manager' });
  const member = new TestClient(server.url);
  await member.post(`/api/v1/invitations/${String(invited.link).split('/invite/')[1]}/accept`, { name: names.member, password: 'member password 1' });
  await me.api('POST', `/workspaces/${wid}/invitations`, { email: `pending-${lang}@example.com`, role: 'client' });
  await me.api('PATCH', `/workspaces/${wid}/publishing`, { approvalSteps: [{ roles: ['owner', 'admin'], count: 1 }, { roles: ['client'], count: 1 }] });
  const accounts = (await me.api('GET', `/workspaces/${wid}/accounts`)).items as Array<{ id: string }>;
  await me.api('PATCH', `/workspaces/${wid}/accounts/${accounts[0].id}`, { slots: [{ weekday: 1, minute: 9 * 60 }, { weekday: 3, minute: 12 * 60 + 30 }] });
  return fx;
}

export async function lookFlow(browser: Browser, server: TestRuche & Server, network: LocalNetwork, lang: Lang, names: LookNames) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  await page.setViewportSize({ width: 1366, height: 900 });
  const me = ui(page, lang);
  const t = me.t;
  const fx = await seedLook(page, me, server, network, lang, names);
  const w = `/w/${fx.wid}`;
  for (const [name, path] of [
    ['overview', w],
    ['settings', `${w}/settings`],
    ['workspace-settings', `${w}/settings/workspace`],
    ['members', `${w}/members`],
    ['accounts', `${w}/settings/accounts`],
    ['publishing', `${w}/settings/publishing`],
    ['composer', `${w}/calendar/new`],
    ['post', `${w}/calendar/posts/${fx.ids.image}`],
    ['calendar', `${w}/calendar`],
  ] as const) {
    await page.goto(path);
    await settled(page);
    await expectCalmPage(page, name);
    await shoot(page, name, lang);
  }

  // Short visible texts; the object is in the accessible name.
  await page.goto(`${w}/members`);
  await expectShortButton(page, t('members.removeFor', { name: names.member }), t('members.remove'));
  await expectShortButton(page, t('invitations.revokeFor', { email: `pending-${lang}@example.com` }), t('invitations.revoke'));
  await page.goto(`${w}/settings/accounts`);
  await expectShortButton(page, t('accounts.removeSlot', { number: 1 }), t('common.remove'));
  await expectShortButton(page, t('accounts.disconnectFor', { handle: 'brand.local' }), t('accounts.disconnect'));
  await expectSlotsOnOneLine(page, me);
  await page.goto(`${w}/settings/publishing`);
  await expectShortButton(page, t('publishingSettings.removeStep', { number: 2 }), t('common.remove'));
  await expectShortButton(page, t('campaigns.editFor', { name: names.campaign }), t('common.edit'));
  await expectShortButton(page, t('campaigns.deleteFor', { name: names.campaign }), t('common.delete'));
  await page.goto(`${w}/calendar/posts/${fx.ids.image}`);
  await expectShortButton(page, t('composer.removeImage', { name: 'blue.png' }), t('common.remove'));

  // The post's page and the publishing settings have their own titles; the planned time names its clock.
  expect(t('post.title')).not.toBe(t('publishingSettings.title'));
  await me.heading(t('post.title')).waitFor();
  const lead = await page.locator('.page-header .lead').textContent();
  expect(lead).toContain(`(${t('zone.label', { city: 'Paris' })})`);
  expect(lead).toMatch(/\d\d:\d\d \(/);

  // A page reached by following a link takes the focus on its title, still without a ring for a pointer.
  await page.getByRole('link', { name: t('post.back'), exact: true }).click();
  await me.expectPage(t('areas.calendar.title'));
  expect(await outline(page, 'h1')).toBe('none');

  // One bell and one account menu, in the top bar, at either width.
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const banner = page.getByRole('banner');
    const bell = { name: new RegExp(`^${t('notifications.bell')}`) };
    await banner.getByRole('button', bell).waitFor();
    expect(await page.getByRole('button', bell).count(), `bells at ${width}px`).toBe(1);
    expect(await banner.getByRole('button', { name: t('menu.account', { name: names.owner }), exact: true }).count(), `account menus at ${width}px`).toBe(1);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await me.goToAccount(names.owner);
  await expectNetworkOptionsSpaced(page, me, server, fx.wid);

  if (lang === 'fr') {
    // The words a French community manager expects, with French typography.
    await page.goto(`${w}/calendar`);
    await page.getByRole('button', { name: /Filtres/ }).click();
    const campaign = page.getByLabel('Campagne', { exact: true });
    expect(await campaign.locator('option').first().textContent()).toBe('Toutes');
    expect(await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: 'Paramètres', exact: true }).count()).toBe(1);
    expect(await page.getByText('Les heures sont celles de l’espace\u00a0: heure de Paris.', { exact: true }).count()).toBe(1);
    await page.goto(`${w}/members`);
    const role = page.getByLabel(`Rôle de ${names.member}`, { exact: true });
    await role.waitFor();
    expect(await role.locator('option').allTextContents()).toContain('Community manager');
    await page.goto(`${w}/settings/publishing`);
    await me.heading('Paramètres de publication').waitFor();
    await page.goto(`${w}/calendar/posts/${fx.ids.image}`);
    expect(await page.locator('.page-header .lead').textContent()).toMatch(/^Prévue le \p{L}+\. \d+ \p{L}+\.? 2\d{3}, \d\d:\d\d \(heure de Paris\)\.$/u);
  }

  // A page whose code cannot be fetched (a tab opened before an upgrade, or a server out of reach): the app loads
  // once more to get the new names, then says what is wrong instead of going blank.
  await page.goto(w);
  await settled(page);
  let loads = 0;
  page.on('load', () => loads++);
  await page.route(/\/assets\/JobsPage-[\w-]+\.js$/, (route) => route.abort());
  await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t('areas.jobs.title'), exact: true }).click();
  await page.getByRole('alert').filter({ hasText: t('errors.network') }).waitFor();
  expect(loads).toBe(1);
  expect(new URL(page.url()).pathname).toBe(`${w}/jobs`);
  await page.unroute(/\/assets\/JobsPage-[\w-]+\.js$/);

  await context.close();
}

async function outline(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((el) => getComputedStyle(el).outlineStyle);
}

/** A page opened by its address: its title is not focused (so shows no ring), and no group of fields is framed. */
async function expectCalmPage(page: Page, name: string) {
  expect(await page.evaluate(() => document.activeElement?.tagName), `${name}: focus on load`).not.toBe('H1');
  expect(await outline(page, 'h1'), `${name}: title outline`).toBe('none');
  const framed = await page.locator('main fieldset').evaluateAll((sets) =>
    sets
      .filter((f) => f.checkVisibility())
      .filter((f) => getComputedStyle(f).borderTopStyle === 'groove' || (!f.closest('.composer') && getComputedStyle(f).borderTopWidth !== '0px'))
      .map((f) => f.querySelector('legend')?.textContent ?? f.className),
  );
  expect(framed, `${name}: framed fieldsets`).toEqual([]);
}

/**
 * A queue slot is one line at either width, a phone's included: its day, its time and Remove side by side, the
 * time's format read to assistive technology rather than printed under every slot.
 */
async function expectSlotsOnOneLine(page: Page, me: ReturnType<typeof ui>) {
  const { t } = me;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const number of [1, 2]) {
      const day = page.getByLabel(t('accounts.slotDay', { number }), { exact: true });
      const time = page.getByLabel(t('accounts.slotTime', { number }), { exact: true });
      const remove = page.getByRole('button', { name: t('accounts.removeSlot', { number }), exact: true });
      const boxes = await Promise.all([day, time, remove].map(async (field) => (await field.boundingBox())!));
      const middles = boxes.map((b) => b.y + b.height / 2);
      expect(Math.max(...middles) - Math.min(...middles), `slot ${number} on one line at ${width}px`).toBeLessThan(8);
      expect(await time.getAttribute('aria-describedby'), `slot ${number}'s format hint`).toBeTruthy();
    }
    const format = t('dates.timeFormat', { pattern: t('dates.timePattern24') });
    expect(await page.getByText(format, { exact: true }).evaluateAll((els) => els.filter((e) => e.checkVisibility() && e.getBoundingClientRect().width > 1).length),
      `format printed under slots at ${width}px`).toBe(0);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/**
 * A YouTube channel's settings in the composer (title, who can watch, when YouTube makes it public) are spaced like
 * the composer's other fields, their hints in the hints' size, and the publish date fits a phone's screen.
 */
async function expectNetworkOptionsSpaced(page: Page, me: ReturnType<typeof ui>, server: TestRuche, wid: string) {
  const { t } = me;
  const session = await me.api('GET', '/session');
  await saveConnection(server.ctx, {
    workspaceId: wid, userId: session.user.id, network: 'youtube', serviceUrl: 'https://local.test', ip: null,
    credentials: { network: 'youtube', account: 'hive-channel' } as never,
    account: { id: 'local:hive-channel', handle: 'hive-channel', displayName: 'Hive channel', followers: null },
  });
  await page.goto(`/w/${wid}/calendar/new`);
  await me.pickAccounts('hive-channel');
  const options = page.getByRole('group', { name: t('composer.options.legend') });
  const publishAt = options.getByLabel(t('composer.options.publishAt'), { exact: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await publishAt.scrollIntoViewIfNeeded();
    const fields = await options.locator(':scope > .field').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    expect(fields.length).toBe(3);
    for (let i = 1; i < fields.length; i++) expect(fields[i].top - fields[i - 1].bottom, `space above field ${i + 1} at ${width}px`).toBeGreaterThanOrEqual(8);
    const box = (await publishAt.boundingBox())!;
    expect(box.x + box.width, `publish date inside a ${width}px screen`).toBeLessThanOrEqual(width);
    const sizes = await options.locator('.hint, label').evaluateAll((els) => els.map((e) => [e.tagName, parseFloat(getComputedStyle(e).fontSize)] as const));
    const label = Math.min(...sizes.filter(([tag]) => tag === 'LABEL').map(([, size]) => size));
    for (const [tag, size] of sizes) if (tag !== 'LABEL') expect(size, 'a hint smaller than the labels').toBeLessThan(label);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function expectShortButton(page: Page, name: string, text: string) {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor();
  expect((await button.textContent())?.trim()).toBe(text);
}
