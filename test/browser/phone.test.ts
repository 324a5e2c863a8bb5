/**
 * Ruche on a phone (390 × 844): the navigation folds behind a Menu button, every page fits the width of the
 * screen (nothing scrolls sideways), and the calendar offers its day and list views. The network is the
 * in-memory test network.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, newVisitor } from './harness.js';
import { ui, type Area } from './helpers.js';
import { seedCalendar } from './calendar-fixture.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';

const TIMEOUT = 180_000;
const exact = { exact: true } as const;

async function fitsTheScreen(page: Page, where: string) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: innerWidth }));
  expect(widths.page, `${where} is ${widths.page}px wide on a ${widths.screen}px screen`).toBeLessThanOrEqual(widths.screen);
}

describe('on a phone', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('opens the navigation from the Menu button, and no page scrolls sideways', async () => {
    const { context, page } = await newVisitor(suite.browser, suite.server, 'en-US');
    await page.setViewportSize({ width: 390, height: 844 });
    const me = ui(page, 'en');
    const t = me.t;
    await me.setupOwner({ name: 'Olga Owner', email: 'olga@example.com', password: 'olga password 1', workspace: 'Hive' });
    const fx = await seedCalendar(page, me, suite.server, network, 'Europe/Paris', {
      campaign: 'Spring campaign with a rather long name', close: ['First launch post', 'Second launch post', 'Third launch post'],
      image: 'Post with a picture', draft: 'Draft with a time', unplanned: ['Idea for next week', 'Idea with an image'],
      published: 'Already out', failed: 'Refused by the network',
    });
    await page.reload();
    await me.heading('Hive').waitFor();
    await fitsTheScreen(page, 'the overview');

    // The navigation is folded away until the Menu button opens it; following a link folds it again.
    const menu = me.button(t('nav.menu'));
    const nav = page.getByRole('navigation', { name: t('nav.label') });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    const open = async () => {
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await nav.waitFor();
    };
    const goTo = async (area: Area) => {
      await open();
      await fitsTheScreen(page, `the open menu over ${page.url()}`);
      await me.goTo(area);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
    };
    // Escape folds it too, and gives the focus back to the button.
    await open();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('nav.menu'));

    // The calendar: the list of the posts to come, with the day view as the other choice.
    await goTo('calendar');
    await page.locator('.fc-list').waitFor();
    await page.locator('.fc-list-event').first().waitFor();
    expect(await me.button(t('calendar.month')).count()).toBe(0);
    await fitsTheScreen(page, 'the calendar (list)');
    await me.button(t('calendar.day')).click();
    await page.locator('.fc-timegrid').waitFor();
    await fitsTheScreen(page, 'the calendar (day)');
    await me.button(t('calendar.list')).click();

    await page.getByRole('link', { name: t('calendar.newPost'), ...exact }).click();
    await me.heading(t('composer.newTitle')).waitFor();
    await fitsTheScreen(page, 'the composer');

    await page.goto(`/w/${fx.wid}/calendar/posts/${fx.ids.image}`);
    await me.heading(t('post.title')).waitFor();
    await page.locator('.media-list img, .preview-media img').first().waitFor();
    await fitsTheScreen(page, 'a post');

    await goTo('settings');
    await fitsTheScreen(page, 'the settings');
    for (const [link, title] of [
      [t('accounts.title'), t('accounts.title')],
      [t('publishingSettings.title'), t('publishingSettings.title')],
      [t('workspaceSettings.title'), t('workspaceSettings.title')],
    ]) {
      await page.getByRole('link', { name: link, ...exact }).click();
      await me.heading(title).waitFor();
      await page.waitForTimeout(300);
      await fitsTheScreen(page, title);
      await page.goBack();
      await me.heading(t('areas.settings.title')).waitFor();
    }

    for (const area of ['members', 'audit', 'jobs'] as const) {
      await goTo(area);
      await page.waitForTimeout(300);
      await fitsTheScreen(page, area);
    }
    // The members' and the pending invitations' tables are one block per row: nothing hides in a box that scrolls
    // sideways, Revoke included, and the dates say what they are.
    await me.api('POST', `/workspaces/${fx.wid}/invitations`, { email: 'a.rather.long.address@example.com', role: 'community_manager' });
    await goTo('members');
    await page.getByRole('cell', { name: /^Olga Owner/ }).waitFor();
    await page.getByRole('cell', { name: 'a.rather.long.address@example.com', ...exact }).waitFor();
    const tables = await page.locator('.table-wrap').evaluateAll((boxes) => boxes.map((box) => ({ inner: box.scrollWidth, box: box.clientWidth })));
    expect(tables.length).toBe(2);
    for (const table of tables) expect(table.inner, `a table ${table.inner}px wide in a ${table.box}px box`).toBeLessThanOrEqual(table.box);
    const revoke = (await me.button(t('invitations.revokeFor', { email: 'a.rather.long.address@example.com' })).boundingBox())!;
    expect(revoke.x + revoke.width, 'Revoke on the screen').toBeLessThanOrEqual(390);
    await page.getByRole('cell').filter({ hasText: new RegExp(`^${t('invitations.expires')} `) }).waitFor();

    await open();
    await me.goToAccount('Olga Owner');
    await fitsTheScreen(page, 'the account');
    // The profile's facts stay inside their card: the e-mail address goes under its name, not past the edge.
    await page.locator('.facts dd').filter({ hasText: 'olga@example.com' }).waitFor();
    const inside = await page.locator('.facts').first().evaluate((list) => {
      const card = list.closest('.card')!;
      const edge = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight);
      return [...list.querySelectorAll('dd')].map((dd) => {
        const range = document.createRange();
        range.selectNodeContents(dd);
        return edge - range.getBoundingClientRect().right;
      });
    });
    for (const room of inside) expect(room, 'a fact runs past its card').toBeGreaterThanOrEqual(0);
    await context.close();
  }, TIMEOUT);
});
