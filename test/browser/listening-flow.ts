/**
 * Listening, driven as a community manager would in either language: the dashboard explains how to start, a topic
 * is created with a boolean query (a malformed one first, its error shown and its column underlined), mentions
 * arrive live through the pipeline while the Mentions page is open (straight on top, then behind a banner once the
 * reader has scrolled down), with the topic's terms highlighted and hostile text inert; the dashboard then shows
 * the topic's volume. Screenshots of every page at desktop width and at 375 px go to /tmp.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import type { TestRuche } from '../helpers/ruche.js';
import { ingestPosts } from '../../src/modules/listening/ingest.js';
import type { ListeningPost } from '../../src/modules/listening/types.js';

const HOSTILE = 'Acme toaster <img src=x onerror="window.__pwned=1"> \u202eevil\u202c burnt my bread, terrible';

async function shoot(page: Page, name: string, lang: Lang) {
  await page.screenshot({ path: `/tmp/listening-${name}-desktop-${lang}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  // The charts follow their box's size a frame after the window's.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `/tmp/listening-${name}-phone-${lang}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

function post(lang: Lang, n: number, text: string, url: string | null = `https://bsky.app/profile/fan${n}.bsky.social/post/${n}`): ListeningPost {
  return {
    network: 'bluesky',
    uri: `at://did:plc:fan${n}-${lang}/app.bsky.feed.post/${n}`,
    url,
    author: { id: `did:plc:fan${n}-${lang}`, handle: `fan${n}.bsky.social`, displayName: n === 0 ? 'Angry \u202eCustomer' : `Fan ${n}`, followers: 1200 * (n + 1) },
    text,
    createdAt: Date.now() - (10 - n) * 1000,
    languages: ['en'],
  };
}

export async function listeningFlow(browser: Browser, server: TestRuche, lang: Lang, names: { owner: string; workspace: string }) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  await page.setViewportSize({ width: 1280, height: 800 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();

  // With no topic, the mentions page says so and leads to the form of a first topic.
  await page.goto(`/w/${wid}/listening/mentions`);
  await page.getByText(t('listening.mentions.noTopics')).waitFor();
  await page.getByRole('link', { name: t('listening.dashboard.emptyLink'), exact: true }).click();
  await page.getByRole('dialog', { name: t('listening.topics.form.newTitle') }).waitFor();
  await page.keyboard.press('Escape');

  // With no topic, the dashboard says how listening starts and opens the form of a first topic.
  await me.goTo('listening');
  await page.getByRole('heading', { name: t('listening.dashboard.emptyTitle'), exact: true }).waitFor();
  await shoot(page, 'empty', lang);
  await page.getByRole('link', { name: t('listening.dashboard.emptyLink'), exact: true }).click();
  await expect.poll(() => me.heading(t('listening.topics.title')).count()).toBe(1);
  const dialog = page.getByRole('dialog', { name: t('listening.topics.form.newTitle') });
  await dialog.waitFor();
  // Closed without saving, the address forgets it; the page’s own button opens it again.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(new URL(page.url()).search).toBe('');

  // A malformed query is read as it is typed: the error in words, the column underlined; then a valid one.
  await me.button(t('listening.topics.new')).click();
  // Saved empty, the dialog says what is missing in the app's language, one field at a time.
  const create = dialog.getByRole('button', { name: t('listening.topics.form.create'), exact: true });
  await create.click();
  await dialog.getByRole('alert').filter({ hasText: t('listening.topics.form.needName') }).waitFor();
  await dialog.getByLabel(t('listening.topics.form.name'), { exact: true }).fill('Acme');
  await create.click();
  await dialog.getByRole('alert').filter({ hasText: t('listening.topics.form.needQuery') }).waitFor();
  const query = dialog.getByLabel(t('listening.topics.form.query'), { exact: true });
  await query.fill('acme AND "toaster');
  await dialog.getByText(t('listening.query.errors.unclosed_quote', { column: 10 }), { exact: true }).waitFor();
  expect(await dialog.locator('mark.query-bad').textContent()).toBe('"toaster');
  expect(await query.getAttribute('aria-invalid')).toBe('true');
  await shoot(page, 'topic-error', lang);
  await query.fill('acme AND (toaster OR "kettle lid") -author:acme.bsky.social');
  await dialog.locator('.query-ok').waitFor();
  expect(await query.getAttribute('aria-invalid')).toBeNull();
  await dialog.getByRole('button', { name: t('listening.topics.form.create'), exact: true }).click();
  await me.expectStatus(t('listening.topics.created', { name: 'Acme' }));
  const card = page.locator('.topic-card').filter({ hasText: 'Acme' });
  await card.getByText(t('listening.kinds.brand'), { exact: true }).waitFor();
  await shoot(page, 'topics', lang);

  // The mentions page is open when mentions arrive: at the top of the list, they go straight in.
  await page.getByRole('navigation', { name: t('listening.tabs.label') }).getByRole('link', { name: t('listening.tabs.mentions'), exact: true }).click();
  await me.expectPage(t('listening.mentions.title'));
  await page.getByText(t('listening.mentions.empty'), { exact: true }).waitFor();
  await ingestPosts(server.ctx, { workspaceId: wid, sourceId: null }, [
    post(lang, 0, HOSTILE, 'javascript:window.__pwned=2'),
    post(lang, 1, 'My Acme toaster is great, I love it'),
    post(lang, 2, 'Acme kettle lid fell off again'),
    post(lang, 3, 'Nothing about the brand here at all'),
  ]);
  const cards = page.locator('.mention-card');
  await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(3);
  const hostile = cards.filter({ hasText: 'burnt my bread' });
  expect(await hostile.locator('mark.term-hit').allTextContents()).toEqual(['Acme', 'toaster']);
  expect(await cards.filter({ hasText: 'kettle lid fell' }).locator('mark.term-hit').allTextContents()).toEqual(['Acme', 'kettle lid']);
  // Network text stays text: no image, no script, no link but http(s).
  expect(await hostile.locator('img').count()).toBe(0);
  expect(await hostile.getByRole('link').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await hostile.getByText(t('listening.sentiment.negative'), { exact: true }).waitFor();
  // Thirty cards hold thirty "Send to inbox" buttons: each is told apart by the author it belongs to.
  const loving = cards.filter({ hasText: 'I love it' });
  for (const name of [t('listening.mentions.toInbox'), t('listening.mentions.toTicket')]) {
    const described = await loving.getByRole('button', { name, exact: true }).evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    expect(described).toContain(`@fan1.bsky.social`);
  }
  const link = cards.filter({ hasText: 'I love it' }).getByRole('link', { name: t('listening.mentions.open', { network: 'Bluesky' }) });
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  await shoot(page, 'mentions', lang);

  // Further down the list, new mentions wait behind a polite banner instead of moving the page.
  await page.setViewportSize({ width: 375, height: 500 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await ingestPosts(server.ctx, { workspaceId: wid, sourceId: null }, [post(lang, 4, 'Acme toaster recall announced'), post(lang, 5, 'Another Acme toaster story')]);
  const banner = page.getByRole('status').getByRole('button', { name: t('listening.mentions.waiting_other', { count: 2 }), exact: true });
  await banner.waitFor({ timeout: 15_000 });
  expect(await cards.count()).toBe(3);
  await banner.click();
  await expect.poll(() => cards.count()).toBe(5);
  expect(await cards.first().locator('mark.term-hit').allTextContents()).toEqual(['Acme', 'toaster']);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The dashboard counts the topic's mentions, in its chart's text alternative.
  await page.getByRole('navigation', { name: t('listening.tabs.label') }).getByRole('link', { name: t('listening.tabs.overview'), exact: true }).click();
  await me.expectPage(t('listening.dashboard.title'));
  // No source followed yet (these mentions were handed in directly): the page says what brings more, and where.
  await page.getByRole('heading', { name: t('listening.dashboard.noSourceTitle'), exact: true }).waitFor();
  await page.getByRole('link', { name: t('listening.dashboard.noSourceLink'), exact: true }).waitFor();
  const volume = t('listening.dashboard.volume.item_other', { name: 'Acme', n: 5 });
  await page.locator('figcaption').filter({ hasText: volume }).waitFor();
  await page.getByRole('button', { name: 'Acme', exact: true, pressed: true }).waitFor();
  await page.getByRole('table', { name: t('listening.dashboard.volume.title') }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: t('listening.periods.24h'), exact: true }).click();
  await page.locator('figcaption').filter({ hasText: volume }).waitFor();
  await shoot(page, 'dashboard', lang);

  // Sources and where alerts go.
  await page.getByRole('navigation', { name: t('listening.tabs.label') }).getByRole('link', { name: t('listening.tabs.sources'), exact: true }).click();
  await me.expectPage(t('listening.sources.title'));
  await page.getByText(t('listening.sources.empty'), { exact: true }).waitFor();
  // This server sends no e-mail: the alerts' e-mail switch says they will not go out that way.
  await page.getByText(t('listening.settings.noMail'), { exact: true }).waitFor();
  // The Bluesky stream's usual address is a hint, not a value sent without the manager choosing it.
  await page.getByRole('radio', { name: new RegExp(t('listening.sources.kinds.bluesky_jetstream').replace(/[()]/g, '\\$&')) }).check();
  const jetstream = page.getByLabel(t('listening.sources.add.jetstream'), { exact: true });
  expect(await jetstream.inputValue()).toBe('');
  await page.getByText(t('listening.sources.add.jetstreamHint', { example: 'wss://jetstream2.us-east.bsky.network/subscribe' }), { exact: true }).waitFor();
  await page.getByLabel(t('listening.settings.email'), { exact: true }).uncheck();
  await me.button(t('listening.settings.save')).click();
  await me.expectStatus(t('listening.settings.saved'));
  expect((await me.api<{ emailAlerts: boolean }>('GET', `/workspaces/${wid}/listening/settings`)).emailAlerts).toBe(false);
  await shoot(page, 'sources', lang);

  // A feed's address: asked for in the app's language when missing, and taken as people paste it, without https://.
  await page.getByRole('radio', { name: new RegExp(t('listening.sources.kinds.feed').replace(/[()]/g, '\\$&')) }).check();
  await me.button(t('listening.sources.add.submit')).click();
  await me.expectAlert(t('listening.sources.add.needUrl'));
  await page.getByLabel(t('listening.sources.add.feedUrl'), { exact: true }).fill('localhost/feed.xml');
  await me.button(t('listening.sources.add.submit')).click();
  await expect
    .poll(async () => (await me.api<{ items: Array<{ url: string }> }>('GET', `/workspaces/${wid}/listening/sources`)).items.map((x) => x.url))
    .toContain('https://localhost/feed.xml');
  // With a source followed, the overview no longer asks for one.
  const sourcesRead = page.waitForResponse((r) => r.url().endsWith('/listening/sources') && r.request().method() === 'GET');
  await page.getByRole('navigation', { name: t('listening.tabs.label') }).getByRole('link', { name: t('listening.tabs.overview'), exact: true }).click();
  await sourcesRead;
  await page.locator('figcaption').first().waitFor();
  expect(await page.getByRole('heading', { name: t('listening.dashboard.noSourceTitle'), exact: true }).count()).toBe(0);

  await context.close();
}
