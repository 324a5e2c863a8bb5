/**
 * Reports, driven as a community manager would in either language: a report of last month made from the reports
 * page with a summary in the manager's words, followed while it is generated until it is ready, its PDF downloaded;
 * a read-only link made for a client and opened by someone signed out, who downloads the same PDF. Each page is
 * photographed at 1280 px and 390 px (to /tmp/shots), and none scrolls sideways on a phone.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import type { TestRuche } from '../helpers/ruche.js';
import { account, post } from '../analytics/figures/fixture.js';
import { dateTimeInZone, zoneLabel } from '../../web/lib/format.js';

const SHOTS = '/tmp/shots';
const exact = { exact: true } as const;

async function shoot(page: Page, name: string, lang: Lang) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/reports-${name}-1280-${lang}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `${SHOTS}/reports-${name}-390-${lang}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Clicks what starts a download and reads the file the browser received. */
async function downloaded(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** Last month's posts of a brand, as collection would have left them, in the middle of the month whatever the zone. */
async function seedLastMonth(server: TestRuche, workspaceId: string, lang: Lang) {
  const db = server.ctx.store.db;
  const a = await account(db, workspaceId, 'bluesky', 'hive.test');
  await db.updateTable('social_accounts').set({ status: 'disconnected' }).where('id', '=', a).execute();
  const month = DateTime.utc().startOf('month').minus({ months: 1 });
  const text = lang === 'fr' ? 'Nos pots de miel d’été sont arrivés' : 'Our summer honey jars are here';
  await post(db, workspaceId, { account: a, network: 'bluesky', at: month.plus({ days: 9, hours: 12 }).toISO()!, likes: 42, reposts: 7, replies: 5, quotes: 1, followers: 800, text });
  await post(db, workspaceId, { account: a, network: 'bluesky', at: month.plus({ days: 16, hours: 9 }).toISO()!, likes: 9, reposts: 1, replies: 2, quotes: 0, followers: 810 });
}

export async function reportsFlow(browser: Browser, server: TestRuche, lang: Lang, names: { owner: string; workspace: string }) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const { context, page } = await newVisitor(browser, server, locale);
  const me = ui(page, lang);
  const t = me.t;
  await page.setViewportSize({ width: 1280, height: 900 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  await seedLastMonth(server, me.workspaceId(), lang);

  await me.goTo('reports');
  await page.getByText(t('reports.emptyManage'), exact).waitFor();
  await page.getByRole('link', { name: t('reports.new'), ...exact }).click();
  await me.expectPage(t('reports.form.title'));
  // This server sends no e-mail: the form says so where it asks whom to send the report to, and so do the
  // departments that tickets are e-mailed to.
  await page.getByText(t('reports.form.noMail'), exact).waitFor();
  await page.goto(`/w/${me.workspaceId()}/settings/departments`);
  await page.getByText(t('tickets.departments.noMail'), exact).waitFor();
  await page.goBack();
  await me.expectTitle(t('reports.form.title'));
  const summary = lang === 'fr' ? 'Un mois porté par l’été : l’engagement progresse.' : 'A month carried by summer: engagement is up.';
  await page.getByRole('textbox', { name: t('reports.sections.summary'), ...exact }).fill(summary);
  const title = await page.getByLabel(t('reports.form.reportTitle'), exact).inputValue();
  expect(title.startsWith(lang === 'fr' ? 'Rapport — ' : 'Report — ')).toBe(true);
  // A report for a client who reads the other language is titled in that language, whose texts the page fetches.
  const titleField = page.getByLabel(t('reports.form.reportTitle'), exact);
  const other = lang === 'fr' ? 'en' : 'fr';
  await page.getByLabel(t('reports.form.language'), exact).selectOption(other);
  await expect.poll(() => titleField.inputValue()).toMatch(other === 'fr' ? /^Rapport — \S/ : /^Report — \S/);
  await page.getByLabel(t('reports.form.language'), exact).selectOption(lang);
  await expect.poll(() => titleField.inputValue()).toBe(title);
  await shoot(page, 'form', lang);
  // On a phone each section's arrows stay inside the list's box, in one column, whatever the length of its name.
  await page.setViewportSize({ width: 390, height: 844 });
  const arrows = await page.evaluate(() => {
    const box = document.querySelector('.section-picker')!.getBoundingClientRect();
    const rights = [...document.querySelectorAll('.section-moves')].map((m) => Math.round(m.getBoundingClientRect().right));
    return { inside: rights.every((r) => r <= box.right), columns: new Set(rights).size };
  });
  expect(arrows).toEqual({ inside: true, columns: 1 });
  // The period, the title, the language and the colour, one under the other there, stand as far apart as other fields.
  const gaps = await page.evaluate(() =>
    [...document.querySelectorAll('.report-form .form-row')].flatMap((row) => {
      const boxes = [...row.children].map((field) => field.getBoundingClientRect());
      return boxes.slice(1).map((box, i) => Math.round(box.top - boxes[i].bottom));
    }),
  );
  expect(gaps.length).toBe(3);
  for (const gap of gaps) expect(gap, 'space between stacked fields on a phone').toBeGreaterThanOrEqual(12);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Saved as a template sent each month to a client: on this server without e-mail, the template says nobody gets it.
  await page.getByLabel(t('reports.form.recipients'), exact).fill('client@example.com');
  await page.getByLabel(t('reports.form.saveTemplate'), exact).check();
  await page.getByLabel(t('reports.form.templateName'), exact).fill(lang === 'fr' ? 'Mensuel client' : 'Client monthly');
  await page.getByLabel(t('reports.form.schedule.month'), exact).check();
  await me.button(t('reports.form.generate')).click();

  // Back on the list: the report is made in the background and says so, then is ready.
  await me.expectTitle(t('reports.title'));
  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, ...exact }) });
  await row.waitFor();
  await row.getByText(t('reports.status.ready'), exact).waitFor({ timeout: 60_000 });
  await page.locator('.report-templates').getByText(t('reports.form.noMail'), exact).waitFor();
  await shoot(page, 'list', lang);

  const pdf = await downloaded(page, row.getByRole('link', { name: t('reports.row.download.pdf'), ...exact }));
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.name).toMatch(/\.pdf$/);
  const xlsx = await downloaded(page, row.getByRole('link', { name: t('reports.row.download.xlsx'), ...exact }));
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // A link for the client, shown once.
  await row.getByRole('button', { name: t('reports.shares.toggle'), ...exact }).click();
  await row.getByLabel(t('reports.shares.expiry'), exact).selectOption('7');
  await row.getByRole('button', { name: t('reports.shares.create'), ...exact }).click();
  const link = await row.getByLabel(t('reports.shares.link'), exact).inputValue();
  expect(link.startsWith(`${server.url}/shared/reports/`)).toBe(true);
  await shoot(page, 'share', lang);

  // Someone signed out, on another continent's clock, opens it and downloads the PDF.
  const visitorContext = await browser.newContext({ baseURL: server.url, locale, timezoneId: 'Pacific/Kiritimati' });
  const visitor = { context: visitorContext, page: await visitorContext.newPage() };
  await visitor.page.setViewportSize({ width: 1280, height: 900 });
  await visitor.page.goto(link);
  await visitor.page.getByRole('heading', { level: 1, name: title, ...exact }).waitFor();
  await visitor.page.getByText(names.workspace, exact).waitFor();
  // The expiry reads as on the reports page: the workspace's time with its zone named, not the visitor's clock.
  const db = server.ctx.store.db;
  const { timezone } = await db.selectFrom('workspaces').select('timezone').where('id', '=', me.workspaceId()).executeTakeFirstOrThrow();
  const { expires_at } = await db.selectFrom('report_shares').select('expires_at').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const expires = { when: dateTimeInZone(new Date(Number(expires_at)).toISOString(), timezone, lang), zone: zoneLabel(t, timezone) };
  await visitor.page.getByText(t('reports.shared.expires', expires), exact).waitFor();
  await row.locator('.share-list li').getByText(`${expires.when} (${expires.zone})`).waitFor();
  await shoot(visitor.page, 'shared', lang);
  const shared = await downloaded(visitor.page, visitor.page.getByRole('link', { name: t('reports.shared.download'), ...exact }));
  expect(shared.bytes.equals(pdf.bytes)).toBe(true);

  // Revoked, the link opens nothing, and says so.
  await row.getByRole('button', { name: t('reports.shares.revoke'), ...exact }).click();
  await row.getByRole('button', { name: t('reports.shares.revoke'), ...exact }).waitFor({ state: 'detached' });
  await visitor.page.reload();
  await visitor.page.getByRole('heading', { level: 1, name: t('reports.shared.goneTitle'), ...exact }).waitFor();

  await visitor.context.close();
  await context.close();
}
