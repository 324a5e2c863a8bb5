/**
 * Hostile network content in the inbox: markup, scripts, event handlers, javascript: links, direction overrides,
 * zero-width joiners, a 5,000-character word, a very long text and lone surrogate halves, fed through the inbound
 * pipeline as a network would send them (authors' names included). Nothing runs (no dialog, no element added, the
 * page's flag untouched), the controls show as markers, and the layout holds at desktop width and on a phone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, newVisitor } from './harness.js';
import { ui } from './helpers.js';
import { arrive, connectBrand, startInboxServer } from './inbox-fixture.js';
import { keepSetAside } from '../../src/modules/inbound/set-aside.js';

const TIMEOUT = 180_000;

const SCRIPT = '<script>window.__pwned = true; alert("script")</script> hello';
const IMG = 'Look <img src=x onerror="window.__pwned = true; alert(1)"> <a href="javascript:alert(2)">here</a>';
const RLO = 'Invoice \u202Egnp.exe\u202C for you \u2066isolate';
const ZWJ = 'Zero\u200Bwidth\u200D\u200Djoiners 👩\u200D👩\u200D👧 and \u2060word\uFEFF joiner';
const LONG_WORD = 'A'.repeat(5000);
const LONG_TEXT = Array.from({ length: 400 }, (_, i) => `sentence ${i} about nothing in particular.`).join(' ');
const SURROGATES = 'Broken \uD800 half and \uDC00 other half, then a whole 🐝';

describe('the inbox with hostile content', () => {
  const suite = browserSuite(startInboxServer, TIMEOUT);

  it('shows everything as inert text, and the page keeps its width', async () => {
    const { context, page } = await newVisitor(suite.browser, suite.server, 'en-US');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const me = ui(page, 'en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await me.setupOwner({ name: 'Olga Owner', email: 'olga@example.com', password: 'olga password 1', workspace: 'Hive' });
    const wid = me.workspaceId();
    const session = await me.api('GET', '/session');
    const { me: brand, accountId } = await connectBrand(suite.server, wid, session.user.id, 'hive');
    const post = suite.server.fake.postAs(brand, 'Our post');
    const where = { accountId, workspaceId: wid };
    const replyTo = { id: post.id, text: `<b>context</b> ${RLO}`, handle: brand.username };
    const texts = [SCRIPT, IMG, RLO, ZWJ, LONG_WORD, LONG_TEXT, SURROGATES];
    for (const [i, text] of texts.entries()) {
      const from = suite.server.fake.createAccount(`troll${i}`, { displayName: i === 0 ? '<img src=x onerror=alert(3)>' : `\u202Eevil${i}\u202C ${'W'.repeat(i === 4 ? 3000 : 4)}` });
      await arrive(suite.server, where, { from, text, replyTo, minutesAgo: 10 - i });
    }

    // And one the network sent that could not be read at all: kept aside, as a poll keeps it, and counted for the team.
    await keepSetAside(suite.server.ctx.store.db, { id: accountId, workspace_id: wid, network: 'mastodon' }, 'notifications', [{ externalId: 'broken-1', reason: 'item has no author' }], Date.now());

    await me.goTo('inbox');
    await page.getByRole('region', { name: me.t('inbox.sources.title') }).getByText(me.t('inbox.sources.setAside_one', { count: 1 }), { exact: true }).waitFor();
    await page.evaluate(() => ((window as unknown as { __pwned: boolean }).__pwned = false));
    const list = page.getByRole('listbox', { name: me.t('inbox.listLabel') });
    await expect.poll(() => list.getByRole('option').count()).toBe(texts.length);
    const before = await injected(page);
    expect(before).toEqual({ scripts: 0, images: 0, javascriptLinks: 0, handlers: 0 });

    // Each item opened in turn: still nothing runs, nothing is added, and nothing is wider than the window.
    for (let i = 0; i < texts.length; i++) {
      await page.keyboard.press('j');
      await page.locator('.inbox-detail-head h2').waitFor();
      await page.locator('.inbox-author-card').waitFor();
      expect(await injected(page)).toEqual(before);
      expect(await overflow(page)).toEqual({ page: false, elements: [] });
    }
    // The direction override is shown as a marker, not obeyed; the broken halves as replacement characters.
    await list.getByRole('option').filter({ hasText: '⟮U+202E⟯gnp.exe' }).waitFor();
    await page.getByText('Broken \uFFFD half').first().waitFor();
    // The long text is folded behind "show more", and unfolds.
    await list.getByRole('option').filter({ hasText: 'sentence 0 about' }).click();
    const current = page.locator('.inbox-msg.is-current');
    await current.getByText('sentence 10 about').waitFor();
    expect(await current.getByText('sentence 200 about').count()).toBe(0);
    await current.getByRole('button', { name: me.t('inbox.showMore'), exact: true }).click();
    // The pipeline keeps the first 10,000 characters of a text; all of them show once unfolded.
    await current.getByText('sentence 200 about').waitFor();
    expect(await overflow(page)).toEqual({ page: false, elements: [] });
    await page.screenshot({ path: '/tmp/inbox-hostile-desktop.png', fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await list.waitFor({ state: 'detached' });
    expect(await overflow(page)).toEqual({ page: false, elements: [] });
    await page.screenshot({ path: '/tmp/inbox-hostile-mobile-item.png', fullPage: true });
    await me.button(me.t('inbox.back')).click();
    await list.waitFor();
    expect(await overflow(page)).toEqual({ page: false, elements: [] });
    await page.screenshot({ path: '/tmp/inbox-hostile-mobile.png', fullPage: true });

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned)).toBe(false);
    expect(await injected(page)).toEqual(before);
    await context.close();
  }, TIMEOUT);
});

/** Elements that only hostile markup could have brought into the inbox. */
function injected(page: Page) {
  return page.evaluate(() => {
    const area = document.querySelector('.inbox-area')!;
    const all = [...area.querySelectorAll('*')];
    return {
      scripts: area.querySelectorAll('script').length,
      images: area.querySelectorAll('img').length,
      javascriptLinks: [...area.querySelectorAll('a')].filter((a) => !/^(https?:|\/)/.test(a.getAttribute('href') ?? '/')).length,
      handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    };
  });
}

/** Whether the page scrolls sideways, and which inbox elements stick out of the window. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const elements = [...document.querySelectorAll('.inbox-area *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || el.closest('.inbox-list, .visually-hidden, dialog')) return false;
        return box.right > width + 1;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className}`);
    return { page: document.documentElement.scrollWidth > width, elements };
  });
}
