/**
 * The crisis radar's alerts and crisis mode, driven as a community manager would in either language: a spike on a
 * topic is raised server-side with hostile mentions behind it; the manager opens it from the alerts page, reads its
 * curve and evidence, enters crisis mode with publishing paused and a saved reply as the holding statement, writes
 * in the room's log, edits the statement, and closes the crisis resuming publishing. Screenshots of every page at
 * desktop width and at 375 px go to /tmp.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import type { TestRuche } from '../helpers/ruche.js';
import { getTopic } from '../../src/modules/listening/topics.js';
import { ingestPosts } from '../../src/modules/listening/ingest.js';
import { raiseAlert } from '../../src/modules/listening/alerts.js';
import { MinuteSeries } from '../../src/modules/listening/radar/index.js';
import type { ListeningPost } from '../../src/modules/listening/types.js';

const HOSTILE = 'Acme burnt my kitchen <img src=x onerror="window.__pwned=1"> \u202eevil\u202c never again';

async function shoot(page: Page, name: string, lang: Lang) {
  await page.screenshot({ path: `/tmp/crisis-${name}-desktop-${lang}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `/tmp/crisis-${name}-phone-${lang}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A topic with a quiet day and a burst of angry mentions in the last quarter hour, and the alert the radar raised. */
async function seedSpike(server: TestRuche, workspaceId: string, topicId: string, lang: Lang): Promise<string> {
  const now = Date.now();
  const end = Math.floor(now / 60_000) - 1;
  const start = end - 14;
  const posts: ListeningPost[] = Array.from({ length: 12 }, (_, i) => ({
    network: 'bluesky',
    uri: `at://did:plc:angry${i}-${lang}/app.bsky.feed.post/${i}`,
    // The first one's link is a script: it must never become a link.
    url: i === 0 ? 'javascript:window.__pwned=2' : `https://bsky.app/profile/angry${i}.bsky.social/post/${i}`,
    author: { id: `did:plc:angry${i}-${lang}`, handle: `angry${i}.bsky.social`, displayName: i === 0 ? 'Angry \u202eCustomer' : `Customer ${i}`, followers: 1000 * (i + 1) },
    text: i === 0 ? HOSTILE : `Acme recall ${i}: my toaster from acme caught fire, terrible`,
    createdAt: (start + 2 + (i % 10)) * 60_000,
    languages: ['en'],
  }));
  await ingestPosts(server.ctx, { workspaceId, sourceId: null }, posts);
  const series = new MinuteSeries({ since: end - 8 * 1440 });
  for (let m = end - 1440; m < start; m += 15) series.add(m, { total: 1, negative: 0, positive: 0 });
  for (let m = start; m <= end; m++) series.add(m, { total: 14, negative: 12, positive: 0 });
  const topic = await getTopic(server.ctx.store.db, workspaceId, topicId);
  return raiseAlert(server.ctx, topic, { kind: 'volume_spike', score: 9.5, observed: 210, expected: 20, spread: 4, windowStart: start, windowEnd: end }, series, now);
}

export async function crisisFlow(browser: Browser, server: TestRuche, lang: Lang, names: { owner: string; workspace: string }) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  await page.setViewportSize({ width: 1280, height: 800 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  const holding = lang === 'fr' ? 'Nous vérifions ce qui s’est passé.' : 'We are looking into what happened.';
  await me.api('POST', `/workspaces/${wid}/inbox/saved-replies`, { title: 'Holding', body: holding, language: lang });
  const topic = await me.api<{ id: string }>('POST', `/workspaces/${wid}/listening/topics`, { name: 'Acme', kind: 'brand', query: 'acme', color: '#c0392b' });
  expect(topic.id).toBeTruthy();
  await seedSpike(server, wid, topic.id, lang);

  // The alerts page lists it, with its measure against the usual level.
  await me.goTo('listening');
  await page.getByRole('navigation', { name: t('listening.tabs.label') }).getByRole('link', { name: t('listening.tabs.alerts'), exact: true }).click();
  await me.expectPage(t('crisis.alerts.title'));
  const measured = t('crisis.measure.volume_spike_other', { observed: 210, minutes: 15, expected: 20 });
  const row = page.locator('.alert-row').filter({ hasText: 'Acme' });
  await row.getByText(t('crisis.kinds.volume_spike'), { exact: true }).waitFor();
  await row.getByText(t('crisis.status.open'), { exact: true }).waitFor();
  await shoot(page, 'alerts', lang);

  // The alert: its curve with a text alternative, the mentions as inert text, no link but http(s).
  await row.getByRole('link', { name: measured, exact: true }).click();
  const alertTitle = t('crisis.alert.titleOf', { topic: 'Acme' });
  await me.expectPage(alertTitle);
  await page.locator('figure.alert-curve figcaption').filter({ hasText: measured }).waitFor();
  expect(await page.locator('.alert-curve-table tbody tr').count()).toBe(96);
  expect(await page.locator('.alert-curve-table tbody tr.is-window').count()).toBeGreaterThan(0);
  await page.locator('.alert-mention-text').filter({ hasText: 'Acme burnt my kitchen' }).waitFor();
  expect(await page.locator('.alert-mention-text img').count()).toBe(0);
  const hrefs = await page.locator('.alert-mention a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.getByRole('heading', { name: t('crisis.evidence.rising'), exact: true }).waitFor();
  await shoot(page, 'alert', lang);

  // Entering crisis mode: the title comes from the topic, publishing pauses by default, the statement from a saved reply.
  await me.button(t('crisis.alert.enter')).click();
  const dialog = page.getByRole('dialog', { name: t('crisis.enter.title') });
  await dialog.waitFor();
  const crisisTitle = t('crisis.enter.defaultTitle', { topic: 'Acme' });
  expect(await dialog.getByLabel(t('crisis.enter.name'), { exact: true }).inputValue()).toBe(crisisTitle);
  expect(await dialog.getByRole('checkbox', { name: t('crisis.enter.pause'), exact: true }).isChecked()).toBe(true);
  await dialog.getByLabel(t('crisis.enter.reply'), { exact: true }).selectOption({ label: 'Holding' });
  await shoot(page, 'enter', lang);
  await dialog.getByRole('button', { name: t('crisis.enter.submit'), exact: true }).click();
  await me.expectPage(crisisTitle);

  // The room: in progress, publishing really paused, the statement drafted from the saved reply.
  const head = page.locator('.crisis-head');
  await head.getByText(t('crisis.room.status.open'), { exact: true }).waitFor();
  await head.getByText(t('crisis.room.publishingPaused'), { exact: true }).waitFor();
  expect((await me.api<{ paused: boolean }>('GET', `/workspaces/${wid}/publishing`)).paused).toBe(true);
  const statement = page.getByLabel(t('crisis.statement.label'), { exact: true });
  expect(await statement.inputValue()).toBe(holding);
  const log = page.locator('.crisis-log');
  await log.getByText(t('crisis.log.kinds.opened'), { exact: true }).waitFor();
  expect(await log.locator('li').first().getAttribute('class')).toContain('crisis-log-opened');
  await log.locator('.crisis-log-alert').getByRole('link', { name: t('crisis.room.toAlert'), exact: true }).waitFor();

  // A note in the log, then the statement edited and saved for everyone.
  await page.getByLabel(t('crisis.log.note'), { exact: true }).fill('Called the product team.');
  await me.button(t('crisis.log.add')).click();
  await log.locator('.crisis-log-note').filter({ hasText: 'Called the product team.' }).waitFor();
  const edited = `${holding} ${lang === 'fr' ? 'Plus d’informations à 18 h.' : 'More at 6 pm.'}`;
  await statement.fill(edited);
  await me.button(t('crisis.statement.save')).click();
  await me.expectStatus(t('crisis.statement.saved'));
  await log.locator('.crisis-log-statement').filter({ hasText: edited }).getByText(t('crisis.log.kinds.statement'), { exact: true }).waitFor();
  await page.reload();
  await me.expectTitle(crisisTitle);
  expect(await page.getByLabel(t('crisis.statement.label'), { exact: true }).inputValue()).toBe(edited);
  await shoot(page, 'room', lang);

  // Closing, with publishing resumed: the room turns read-only and says how long it lasted.
  await me.button(t('crisis.room.close')).click();
  const closing = page.getByRole('dialog', { name: t('crisis.close.title') });
  await closing.waitFor();
  const resume = closing.getByRole('checkbox', { name: t('crisis.close.resume'), exact: true });
  expect(await resume.isChecked()).toBe(true);
  await closing.getByText(t('crisis.close.resumeHint'), { exact: true }).waitFor();
  await closing.getByLabel(t('crisis.close.summary'), { exact: true }).fill('Faulty batch recalled.');
  await shoot(page, 'close', lang);
  await closing.getByRole('button', { name: t('crisis.close.submit'), exact: true }).click();
  await me.expectStatus(t('crisis.close.done'));
  await head.getByText(t('crisis.room.status.closed'), { exact: true }).waitFor();
  await head.getByText(t('crisis.room.publishingOn'), { exact: true }).waitFor();
  expect((await me.api<{ paused: boolean }>('GET', `/workspaces/${wid}/publishing`)).paused).toBe(false);
  expect(await page.getByLabel(t('crisis.statement.label'), { exact: true }).count()).toBe(0);
  expect(await page.getByLabel(t('crisis.log.note'), { exact: true }).count()).toBe(0);
  expect(await me.button(t('crisis.room.close')).count()).toBe(0);
  await page.locator('.crisis-statement').filter({ hasText: edited }).waitFor();
  await log.getByText(t('crisis.log.kinds.closed'), { exact: true }).waitFor();
  await shoot(page, 'closed', lang);

  // The alert is filed under Crisis, and no crisis is listed as open any more.
  await page.getByRole('link', { name: t('crisis.alert.back'), exact: true }).click();
  await me.expectPage(t('crisis.alerts.title'));
  await page.getByRole('button', { name: t('crisis.alerts.filters.crisis'), exact: true }).click();
  await page.locator('.alert-row').filter({ hasText: t('crisis.status.crisis') }).waitFor();
  expect(await page.locator('.crisis-open').count()).toBe(0);
  await context.close();
}
