/**
 * Analytics, driven as a strategist would in either language: a fresh workspace's dashboard says how figures start
 * rather than drawing empty charts; once collection has read the accounts, an objective is set through its dialog
 * and listed with its progress and the forecast's method; the dashboard shows the figures with their formulas in
 * the reader's locale, switches its comparison between the previous period and the year before, and opens the
 * posts behind a day of the chart, a breakdown and a cell of the heat map (by keyboard), down to a post's growth
 * curve; a period with nothing in it offers the way back to the figures; hostile post texts and handles stay text;
 * the agency view lists the member's workspaces. Every page is photographed at 1280 px and 390 px (to /tmp/shots),
 * and none scrolls sideways on a phone.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser, Page, Response } from 'playwright-core';
import { newVisitor } from './harness.js';
import { typedDay, ui, type Lang } from './helpers.js';
import { HOSTILE_TEXT, STAR_TEXT, seedAnalytics } from './analytics-fixture.js';
import type { TestRuche } from '../helpers/ruche.js';
import type { Dashboard } from '../../src/modules/analytics/types.js';
import { dayLong } from '../../web/scenes/analytics/days.js';
import { dayRangeInZone } from '../../web/lib/format.js';

const SHOTS = '/tmp/shots';
const exact = { exact: true } as const;

async function shoot(page: Page, name: string, lang: Lang) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A dialog is seen over the screen it opened on: the whole page behind it would only shrink it.
  const fullPage = (await page.locator('dialog[open]').count()) === 0;
  await page.screenshot({ path: `${SHOTS}/analytics-${name}-1280-${lang}.png`, fullPage });
  await page.setViewportSize({ width: 390, height: 844 });
  // The charts follow their box's size a frame after the window's.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `${SHOTS}/analytics-${name}-390-${lang}.png`, fullPage });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const isDashboard = (compare: string) => (r: Response) =>
  r.url().includes('/analytics/dashboard') && new URL(r.url()).searchParams.get('compare') === compare && r.status() === 200;

export async function analyticsFlow(browser: Browser, server: TestRuche, lang: Lang, names: { owner: string; workspace: string; other: string }) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const { context, page } = await newVisitor(browser, server, locale);
  const me = ui(page, lang);
  const t = me.t;
  const number = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
  await page.setViewportSize({ width: 1280, height: 900 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();

  // A fresh workspace: no chart, but what to do to get figures.
  await me.goTo('analytics');
  await page.getByRole('heading', { name: t('analytics.start.title'), ...exact }).waitFor();
  await page.getByRole('link', { name: t('analytics.start.connect'), ...exact }).waitFor();
  expect(await page.locator('.recharts-wrapper').count()).toBe(0);
  await shoot(page, 'empty', lang);

  const seed = await seedAnalytics(server, wid);
  const zone = seed.zone;
  const localDate = (days: number) => typedDay(lang, DateTime.now().setZone(zone).plus({ days }));

  // An objective, set through its dialog: 500 new followers over a period around today; the pace says it falls behind.
  const tabs = page.getByRole('navigation', { name: t('analytics.tabs.label') });
  await tabs.getByRole('link', { name: t('analytics.tabs.objectives'), ...exact }).click();
  await me.expectPage(t('analytics.objectives.title'));
  await page.getByText(t('analytics.objectives.emptyManage'), exact).waitFor();
  await me.button(t('analytics.objectives.new')).click();
  const dialog = page.getByRole('dialog', { name: t('analytics.objectives.form.newTitle') });
  const name = lang === 'fr' ? '500 nouveaux abonnés' : '500 new followers';
  await dialog.getByLabel(t('analytics.objectives.form.name'), exact).fill(name);
  await dialog.getByLabel(t('analytics.objectives.form.metric'), exact).selectOption('followers_gained');
  await dialog.getByLabel(t('analytics.objectives.form.target'), exact).fill('500');
  await dialog.getByLabel(t('analytics.objectives.form.period'), exact).selectOption('custom');
  await dialog.getByLabel(t('analytics.period.from'), exact).fill(localDate(-20));
  await dialog.getByLabel(t('analytics.period.to'), exact).fill(localDate(9));
  await shoot(page, 'objective-dialog', lang);
  await dialog.getByRole('button', { name: t('analytics.objectives.form.create'), ...exact }).click();
  await me.expectStatus(t('analytics.objectives.created', { name }));
  const card = page.locator('.objective-card').filter({ hasText: name });
  await card.getByRole('progressbar', { name: t('analytics.objectives.progressLabel', { name }) }).waitFor();
  await card.getByText(t('analytics.objectives.goal.at_least', { metric: t('analytics.metrics.followers_gained'), target: number(500) }), { exact: false }).waitFor();
  expect(await card.locator('.objective-forecast').textContent()).toContain(t('analytics.forecast.linear'));
  expect(await card.locator('.objective-badge').textContent()).toContain(t('analytics.objectives.status.behind'));
  await card.getByText(t('analytics.objectives.behindWarning'), exact).waitFor();
  await shoot(page, 'objectives', lang);

  // The dashboard over the last 30 days, against the period before.
  const thisMonth = page.waitForResponse(isDashboard('previous'));
  await tabs.getByRole('link', { name: t('analytics.tabs.overview'), ...exact }).click();
  await me.expectPage(t('analytics.title'));
  // The running month is read up to today: no day to come is drawn, and the comparison covers as many days.
  const monthSoFar = (await (await thisMonth).json()) as Dashboard;
  const today = DateTime.fromMillis(monthSoFar.period.end - 1, { zone });
  expect(monthSoFar.period.start).toBe(today.startOf('month').toMillis());
  expect(today.hasSame(DateTime.now().setZone(zone), 'day')).toBe(true);
  expect(monthSoFar.comparisonPeriod.end - monthSoFar.comparisonPeriod.start).toBeLessThanOrEqual(monthSoFar.period.end - monthSoFar.period.start + 3_600_000);
  const loaded = page.waitForResponse(isDashboard('previous'));
  await page.getByRole('group', { name: t('analytics.period.label') }).getByRole('button', { name: t('analytics.period.last_30'), ...exact }).click();
  const dashboard = (await (await loaded).json()) as Dashboard;
  expect(dashboard.publishing.engagement.value).toBeGreaterThan(0);
  // The objective of the moment is on top of the dashboard.
  await page.locator('.objective-card').filter({ hasText: name }).waitFor();
  // A figure in the reader's locale, its change, and its formula written next to it.
  const engagement = page.locator('.figure-card').filter({ has: page.getByRole('heading', { name: t('analytics.figures.engagement'), ...exact }) });
  await engagement.locator('.figure-value').filter({ hasText: number(dashboard.publishing.engagement.value!) }).waitFor();
  await engagement.getByText(t('analytics.formulas.engagement'), exact).waitFor();
  // No network gives views: their figures are not shown as blanks.
  expect(await page.getByRole('heading', { name: t('analytics.figures.views'), ...exact }).count()).toBe(0);
  const periodLine = page.locator('.analytics-period');
  // Node and Chromium may space a range's dash differently: spaces are compared as spaces.
  const spaced = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
  const range = (start: number, end: number) => spaced(dayRangeInZone(new Date(start).toISOString(), new Date(end - 1).toISOString(), zone, lang));
  await expect.poll(async () => spaced(await periodLine.textContent())).toContain(range(dashboard.comparisonPeriod.start, dashboard.comparisonPeriod.end));
  // Hostile texts and handles from the networks stay text.
  await page.getByText(HOSTILE_TEXT, exact).first().waitFor();
  await page.locator('.post-handle').getByText('@honey<b>brand</b>@mastodon.example', exact).first().waitFor();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('b', { hasText: 'brand' }).count()).toBe(0);
  await shoot(page, 'dashboard', lang);

  // The same days a year before, then back to the previous period.
  const compare = page.getByLabel(t('analytics.compare.label'), exact);
  const yearBefore = page.waitForResponse(isDashboard('year_before'));
  await compare.selectOption('year_before');
  const lastYear = (await (await yearBefore).json()) as Dashboard;
  expect(DateTime.fromMillis(lastYear.comparisonPeriod.start, { zone }).plus({ years: 1 }).toMillis()).toBe(lastYear.period.start);
  await expect.poll(async () => spaced(await periodLine.textContent())).toContain(range(lastYear.comparisonPeriod.start, lastYear.comparisonPeriod.end));
  await page.locator('.recharts-legend-item-text').filter({ hasText: t('analytics.engagement.year_before') }).waitFor();
  await shoot(page, 'dashboard-year-before', lang);
  const previous = page.waitForResponse(isDashboard('previous'));
  await compare.selectOption('previous');
  await previous;
  await page.locator('.recharts-legend-item-text').filter({ hasText: t('analytics.engagement.previous') }).waitFor();

  // From the chart's table, the star post's day opens the posts published that day, and one of them its growth curve.
  const starDay = DateTime.fromMillis(seed.star.publishedAt, { zone }).toISODate()!;
  const chart = page.getByRole('region', { name: t('analytics.engagement.title') });
  await chart.getByText(t('analytics.chart.showTable'), exact).click();
  await chart.getByRole('button', { name: t('analytics.drill.dayLabel', { day: dayLong(starDay, lang) }), ...exact }).click();
  const drill = page.getByRole('dialog', { name: t('analytics.drill.dayTitle', { day: dayLong(starDay, lang) }) });
  const star = drill.locator('.post-item').filter({ hasText: STAR_TEXT });
  await star.waitFor();
  // Each post's "growth curve" button is told apart from the others' by the post it belongs to.
  const growthButton = star.getByRole('button', { name: t('analytics.post.growth'), ...exact });
  const described = await growthButton.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  expect(described).toContain(STAR_TEXT);
  await growthButton.click();
  const growth = star.locator('.post-growth figcaption');
  await growth.waitFor();
  expect(await growth.textContent()).toContain(number(900));
  await star.locator('.post-growth .recharts-line').first().waitFor();
  // The curve's readings, as a table for those who do not see it.
  await star.locator('.post-growth').getByText(t('analytics.chart.showTable'), exact).click();
  await star.getByRole('table', { name: t('analytics.post.readings') }).getByRole('cell', { name: number(900), ...exact }).waitFor();
  await shoot(page, 'drill-day', lang);
  await drill.getByRole('button', { name: t('analytics.drill.close'), ...exact }).click();
  await drill.waitFor({ state: 'detached' });

  // A breakdown row opens the posts of its campaign.
  await page.getByRole('button', { name: t('analytics.drill.breakdownLabel', { name: 'Spring launch' }), ...exact }).click();
  const campaign = page.getByRole('dialog', { name: t('analytics.drill.campaignIdTitle', { name: 'Spring launch' }) });
  await campaign.locator('.post-item').filter({ hasText: STAR_TEXT }).waitFor();
  await page.keyboard.press('Escape');
  await campaign.waitFor({ state: 'detached' });

  // On a phone the heat map slides in its box, and says so; on a wide screen it fits and says nothing.
  const hint = page.getByText(t('analytics.bestTimes.scrollHint'), exact);
  expect(await hint.count()).toBe(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await hint.waitFor();
  await page.getByRole('region', { name: `${t('analytics.bestTimes.title')} ${t('analytics.bestTimes.scrollHint')}`, ...exact }).waitFor();
  await page.setViewportSize({ width: 1280, height: 900 });
  await hint.waitFor({ state: 'detached' });

  // The best cell of the heat map, reached by keyboard, opens the posts published at that hour.
  // Cells with posts are buttons, in the table's order: weekday by weekday, hour by hour.
  const cells = dashboard.bestTimes.filter((c) => c.posts > 0).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  const best = cells.reduce((top, c) => (c.meanEngagement > top.meanEngagement ? c : top));
  const cell = page.locator('.heat-button').nth(cells.indexOf(best));
  await cell.focus();
  await page.keyboard.press('Enter');
  const hour = page.getByRole('dialog').filter({ has: page.locator('.post-item') });
  await hour.locator('.post-item').filter({ hasText: STAR_TEXT }).waitFor();
  await shoot(page, 'drill-hour', lang);
  await page.keyboard.press('Escape');
  await hour.waitFor({ state: 'detached' });

  // A period before any post: no empty chart, but a way back to the figures.
  await page.goto(`/w/${wid}/analytics?period=custom&from=2020-01-01&to=2020-01-31`);
  await page.getByRole('heading', { name: t('analytics.quiet.title'), ...exact }).waitFor();
  expect(await page.locator('.recharts-wrapper').count()).toBe(0);
  await me.button(t('analytics.quiet.widen')).click();
  await page.getByRole('heading', { name: t('analytics.sections.keyFigures'), ...exact }).waitFor();
  expect(new URL(page.url()).searchParams.get('period')).toBe('last_90');

  // A second workspace: the agency view lists both, side by side.
  await me.createWorkspace(names.workspace, names.other);
  await me.goTo('analytics');
  await tabs.getByRole('link', { name: t('analytics.tabs.agency'), ...exact }).click();
  await me.expectPage(t('analytics.agency.title'));
  const table = page.getByRole('table', { name: t('analytics.agency.title') });
  for (const w of [names.workspace, names.other]) await table.getByRole('link', { name: w, ...exact }).waitFor();
  // Wider than the column, the table scrolls in its box: the page itself does not, even beside the sidebar.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await shoot(page, 'agency', lang);
  // On a phone, a card per workspace names each figure beside its value, in place of the table.
  await page.setViewportSize({ width: 390, height: 844 });
  const cards = page.getByRole('list', { name: t('analytics.agency.title') });
  await table.waitFor({ state: 'hidden' });
  const otherCard = cards.getByRole('listitem').filter({ has: page.getByRole('link', { name: names.other, ...exact }) });
  for (const figure of ['posts', 'engagementRateFollowers', 'responseRate', 'objectivesBehind']) {
    await otherCard.getByRole('term').getByText(t(`analytics.figures.${figure}`), exact).waitFor();
  }
  expect(await cards.getByRole('listitem').count()).toBe(2);
  await page.setViewportSize({ width: 1280, height: 900 });
  await cards.waitFor({ state: 'hidden' });
  await table.getByRole('link', { name: names.workspace, ...exact }).click();
  await me.expectPage(t('analytics.title'));
  expect(me.workspaceId()).toBe(wid);

  await context.close();
}
