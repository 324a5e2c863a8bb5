/**
 * YouTube's viewing figures where a community manager reads a video's performance: a workspace with two YouTube
 * channels whose videos were read by collection (stored unread, then read through collection's own rollup, as the
 * YouTube connector gives them): one channel with YouTube Analytics, one without its permission. The dashboard's
 * best posts and the posts behind a channel show minutes watched, average view, shares and subscribers gained,
 * or "not given by YouTube" with the reason; the channels' totals have their card. Photographed at 1280 px and
 * 390 px (to /tmp/shots/yt-analytics-*), and none scrolls sideways on a phone.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import type { TestRuche } from '../helpers/ruche.js';
import type { Database } from '../../src/store/schema.js';
import type { PostMetrics } from '../../src/connectors/types.js';
import { applyAccountSnapshot, applySnapshots } from '../../src/modules/analytics/collect/rollup.js';
import { account, post } from '../analytics/figures/fixture.js';

const SHOTS = '/tmp/shots';
const DAY = 86_400_000;
const exact = { exact: true } as const;

async function shoot(page: Page, name: string, lang: Lang, target?: ReturnType<Page['locator']>) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const snap = async (width: number) => {
    const path = `${SHOTS}/yt-analytics-${name}-${width}-${lang}.png`;
    // A part of the page is cut from the whole page seen from its top, where the sticky bars do not cover it.
    await page.evaluate(() => window.scrollTo(0, 0));
    const clip = target ? await target.boundingBox() : null;
    await page.screenshot({ path, fullPage: true, ...(clip ? { clip } : {}) });
  };
  await snap(1280);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await snap(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function seed(server: TestRuche, workspaceId: string) {
  const db = server.ctx.store.db as Kysely<Database>;
  const { timezone } = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const now = Date.now();
  const channel = await account(db, workspaceId, 'youtube', 'ruchevideos');
  const closed = await account(db, workspaceId, 'youtube', 'ruchesansstats');
  const counts = { reposts: 0, quotes: null };
  const videos: Array<[string, string, number, PostMetrics]> = [
    [channel, 'How we harvest honey, step by step', 5, { ...counts, likes: 120, replies: 14, views: 2400, watchMinutes: 7380, averageViewSeconds: 185, shares: 31, followersGained: 17 }],
    [channel, 'Our new hive, first look', 1, { ...counts, likes: 40, replies: 3, views: 300, watchMinutes: null, averageViewSeconds: null, shares: null, followersGained: null,
      missing: 'YouTube Analytics has no figures for this video yet: they come two or three days after it goes out.', missingWhy: 'not_yet' }],
    [closed, 'Bees in winter', 4, { ...counts, likes: 60, replies: 5, views: 900, watchMinutes: null, averageViewSeconds: null, shares: null, followersGained: null,
      missing: 'Watch time and subscribers gained come from YouTube Analytics, which answered: Request had insufficient authentication scopes.', missingWhy: 'permission' }],
  ];
  for (const [acc, text, daysAgo, metrics] of videos) {
    const id = await post(db, workspaceId, { account: acc, network: 'youtube', at: new Date(now - daysAgo * DAY).toISOString(), likes: 0, reposts: 0, replies: 0, quotes: null, text });
    const row = await db.selectFrom('analytics_posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await applySnapshots(db, [{ post: { ...row, collect_count: 0 }, metrics, takenAt: now - 3600_000, followersAtPublish: 4200 }], timezone);
  }
  await applyAccountSnapshot(db, { accountId: channel, workspaceId, takenAt: now - 3600_000, followers: 4200, following: null, posts: 2, watchMinutes: 152_340, followersGained: 3950 }, timezone);
  await applyAccountSnapshot(db, { accountId: closed, workspaceId, takenAt: now - 3600_000, followers: 800, following: null, posts: 1,
    watchMissing: 'Watch time and subscribers gained come from YouTube Analytics, which answered: Request had insufficient authentication scopes.', watchMissingWhy: 'permission' }, timezone);
}

export async function ytAnalyticsFlow(browser: Browser, server: TestRuche, lang: Lang) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const { context, page } = await newVisitor(browser, server, locale);
  const me = ui(page, lang);
  const t = me.t;
  const number = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
  await page.setViewportSize({ width: 1280, height: 900 });
  await me.setupOwner({ name: 'Yvonne', email: `yt-${lang}@example.com`, password: 'owner password 1', workspace: 'Ruche vidéo' });
  await seed(server, me.workspaceId());
  const YouTube = { network: 'YouTube' };

  await me.goTo('analytics');
  await me.expectPage(t('analytics.title'));
  // The channels' totals: one read, one refused for want of the permission.
  const channels = page.locator('.channel-watch');
  await channels.getByRole('heading', { name: t('analytics.watch.channelsTitle'), ...exact }).waitFor();
  const open = channels.locator('.post-item').filter({ hasText: '@ruchevideos' });
  await open.getByText(number(152_340), exact).waitFor();
  await open.getByText(number(3950), exact).waitFor();
  const refused = channels.locator('.post-item').filter({ hasText: '@ruchesansstats' });
  expect(await refused.locator('dd.watch-absent').allTextContents()).toEqual([t('analytics.watch.notGivenShort', YouTube), t('analytics.watch.notGivenShort', YouTube)]);
  await refused.getByText(t('analytics.watch.why.permission', YouTube), { exact: false }).waitFor();
  await refused.getByText('Request had insufficient authentication scopes.', { exact: false }).waitFor();
  await shoot(page, 'channels', lang, channels);

  // The best video, with its viewing figures in the reader's locale.
  const best = page.locator('.post-item').filter({ hasText: 'How we harvest honey' }).first();
  const viewing = best.getByRole('region', { name: t('analytics.watch.title', YouTube) });
  const figure = (key: string) => viewing.locator('.post-counts > div').filter({ has: page.getByText(t(`analytics.watch.${key}`), exact) }).locator('dd');
  expect(await figure('minutes').textContent()).toBe(number(7380));
  expect(await figure('averageView').textContent()).toBe('3:05');
  expect(await figure('shares').textContent()).toBe(number(31));
  expect(await figure('followersGained').textContent()).toBe(number(17));
  expect(await viewing.locator('.watch-missing').count()).toBe(0);
  // A video too young for YouTube Analytics, and one of the channel without the permission: not given, and why.
  const young = page.locator('.post-item').filter({ hasText: 'Our new hive' }).first();
  await young.getByText(t('analytics.watch.why.not_yet', YouTube), { exact: false }).waitFor();
  const winter = page.locator('.post-item').filter({ hasText: 'Bees in winter' }).first();
  await winter.getByText(t('analytics.watch.notGiven', YouTube), { exact: false }).waitFor();
  await winter.getByText(t('analytics.watch.why.permission', YouTube), { exact: false }).waitFor();
  await shoot(page, 'posts', lang, page.locator('section.card').filter({ has: page.getByRole('heading', { name: t('analytics.posts.title'), ...exact }) }));
  await shoot(page, 'dashboard', lang);
  await context.close();
}
