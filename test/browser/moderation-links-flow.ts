/**
 * The links the moderation engine's notifications carry (built by the notifications module's own linkFor) open
 * the right thing, in either language: an escalated item opens that item in the inbox; the weekly highlights open
 * the advocates' highlights of that week, named by its days, not a page that does not exist. Screenshots at
 * desktop width and at 390 px go to /tmp.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { linkFor } from '../../src/modules/notifications/kinds.js';
import { weekOf, weekRange } from '../../src/modules/moderation/week.js';
import { weekDays } from '../../web/lib/format.js';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { arrive, connectBrand, type InboxServer } from './inbox-fixture.js';

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'mobile']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/link-${name}-${tag}-${lang}.png`, fullPage: true });
    // Nothing wider than the screen on a phone.
    if (tag === 'mobile') expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits a phone`).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

export async function moderationLinksFlow(browser: Browser, server: InboxServer, lang: Lang, names: { owner: string; workspace: string }) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  await page.setViewportSize({ width: 1366, height: 900 });
  await me.setupOwner({ name: names.owner, email: `links-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  const { accountId } = await connectBrand(server, wid, session.user.id, `linked${lang}`);
  const where = { accountId, workspaceId: wid };
  const first = server.fake.createAccount(`first${lang}`, { displayName: 'First Writer' });
  const second = server.fake.createAccount(`second${lang}`, { displayName: 'Second Writer' });
  const texts = lang === 'fr'
    ? ['La boutique est-elle ouverte dimanche matin ?', 'Vous allez le regretter, je sais où vous habitez.']
    : ['Is the shop open on Sunday morning?', 'You will regret this, I know where you live.'];
  await arrive(server, where, { from: first, text: texts[0], language: lang, minutesAgo: 3 });
  const itemId = await arrive(server, where, { from: second, text: texts[1], language: lang, minutesAgo: 20 });

  // The escalation's link: the inbox with that item open (not the newest one).
  await page.goto(linkFor({ type: 'inbox_item', id: itemId }, wid));
  await page.locator('.inbox-detail-head h2').filter({ hasText: 'Second Writer' }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/w/${wid}/inbox/${itemId}`);
  await shoot(page, 'inbox-item', lang);

  // The highlights' link: the advocates and highlights page, with last week's highlights, said with its days.
  const week = weekOf(Date.now() - 7 * 86_400_000);
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/moderation/highlights')) asked.push(new URL(r.url()).search); });
  await page.goto(linkFor({ type: 'moderation_highlights', id: week }, wid));
  await me.expectTitle(t('moderation.people.title'));
  const range = weekRange(week)!;
  const [from, to] = [range.from, range.to].map((ms) => new Date(ms).toISOString());
  await page.getByRole('heading', { name: t('moderation.people.highlightsOf', { days: weekDays(from, to, lang) }), exact: true }).waitFor();
  expect(await page.getByRole('heading', { name: t('moderation.people.highlights'), exact: true }).count()).toBe(0);
  await page.getByText(t('moderation.people.highlightsWeek'), { exact: true }).waitFor();
  await page.getByText(t('moderation.people.suggestedHintWeek'), { exact: true }).waitFor();
  await page.getByText(t('moderation.people.highlightsEmptyWeek'), { exact: true }).waitFor();
  expect(asked).toContain(`?week=${encodeURIComponent(week)}`);
  await shoot(page, 'highlights', lang);
  await context.close();
}
