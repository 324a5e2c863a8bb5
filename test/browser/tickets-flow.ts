/**
 * Tickets, driven as a community manager would in either language: give the legal department its address, send a
 * hostile message to it from the ticket dialog, see it in the list, get the department's answer by e-mail (a real
 * SMTP exchange with Ruche's own receiver), add to the internal thread, and close the ticket once the public
 * answer has gone out. Screenshots of every page at desktop width and at 390 px go to /tmp.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { DateTime } from 'luxon';
import { typeWhen, ui, type Lang } from './helpers.js';
import { startSmtp } from '../helpers/smtp.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { mailEnv, markPublicAnswerSent, parseMail, replyByMail, seedItem } from '../tickets/helpers.js';
import { answerReceiverPort } from '../../src/modules/tickets/inbound.js';

const ZONE = 'Europe/Paris';

const HOSTILE = 'My order arrived broken <img src=x onerror="window.__pwned=1"> \u202eevil\u202c and nobody answers! ' + 'x'.repeat(400);

export type TicketsServer = TestRuche & Server & { inbox: Array<{ to: string[]; raw: string }> };

/** A Ruche that sends e-mail to a test SMTP server and takes answers on its own receiver. */
export async function startTicketsServer(): Promise<TicketsServer> {
  const smtp = await startSmtp();
  const ruche = await startTestRuche('sqlite', mailEnv(smtp.port), { connectors: new LocalNetwork().factory() });
  return {
    ...ruche,
    inbox: smtp.inbox,
    async stop() {
      await ruche.stop();
      await new Promise<void>((r) => smtp.server.close(() => r()));
    },
  };
}

async function shoot(page: Page, name: string, lang: Lang) {
  await page.screenshot({ path: `/tmp/tickets-${name}-desktop-${lang}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/tickets-${name}-phone-${lang}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

export async function ticketsFlow(browser: Browser, server: TicketsServer, lang: Lang, names: { owner: string; workspace: string }) {
  // A browser on New York's clock, for a workspace on Paris's: dates are typed and read on the workspace's.
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US', 'America/New_York');
  const me = ui(page, lang);
  const t = me.t;
  await page.setViewportSize({ width: 1280, height: 800 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  await me.api('PATCH', `/workspaces/${wid}`, { timezone: ZONE });
  await page.reload();
  await me.expectTitle(names.workspace);
  const session = await me.api('GET', '/session');

  // The sidebar leads to the tickets; the departments page gives the legal department its address.
  const nav = page.getByRole('navigation', { name: t('nav.label') });
  await nav.getByRole('link', { name: t('areas.tickets.title'), exact: true }).click();
  await me.expectPage(t('tickets.title'));
  // With no ticket yet, the page says where tickets come from and leads there.
  await page.getByText(t('tickets.emptyFor.open'), { exact: true }).waitFor();
  await page.getByText(t('tickets.howTo.text'), { exact: true }).waitFor();
  await page.getByRole('link', { name: t('tickets.howTo.departments'), exact: true }).waitFor();
  await page.getByRole('button', { name: t('tickets.filters.overdue'), exact: true }).click();
  await page.getByText(t('tickets.emptyFor.overdue'), { exact: true }).waitFor();
  expect(await page.getByText(t('tickets.howTo.text'), { exact: true }).count()).toBe(0);
  await page.getByRole('button', { name: t('tickets.filters.open'), exact: true }).click();
  await page.getByText(t('tickets.emptyFor.open'), { exact: true }).waitFor();
  await shoot(page, 'empty', lang);
  // Sending to a department without a message says how to pick one instead of showing a blank page.
  await page.goto(`/w/${wid}/tickets/new`);
  await me.expectTitle(t('tickets.dialog.title'));
  await page.getByRole('link', { name: t('tickets.howTo.inbox'), exact: true }).waitFor();
  await page.goBack();
  await me.expectTitle(t('tickets.title'));
  const preferences = page.waitForResponse((r) => r.url().endsWith('/notifications/preferences'));
  await page.getByRole('link', { name: t('tickets.departmentsLink'), exact: true }).click();
  await me.expectPage(t('tickets.departments.title'));
  // This server sends e-mail: no warning that departments would get nothing.
  expect((await (await preferences).json()).emailAvailable).toBe(true);
  expect(await page.getByText(t('tickets.departments.noMail'), { exact: true }).count()).toBe(0);
  const legal = page.getByRole('form', { name: t('tickets.departments.editOf', { name: t('tickets.departments.keys.legal') }) });
  await legal.getByText(t('tickets.departments.noEmail')).waitFor();
  // A mistyped address is told in the app's language, in the form.
  await legal.getByLabel(t('tickets.departments.email'), { exact: true }).fill('legal-at-brand.test');
  await legal.getByRole('button', { name: t('tickets.departments.save'), exact: true }).click();
  await legal.getByRole('alert').filter({ hasText: t('tickets.departments.badEmail', { email: 'legal-at-brand.test' }) }).waitFor();
  await legal.getByLabel(t('tickets.departments.email'), { exact: true }).fill('legal@brand.test');
  await legal.getByLabel(t('tickets.departments.hours'), { exact: true }).fill('24');
  await legal.getByRole('button', { name: t('tickets.departments.save'), exact: true }).click();
  await me.expectStatus(t('tickets.departments.saved', { name: t('tickets.departments.keys.legal') }));
  await shoot(page, 'departments', lang);
  // A department of one's own cannot take the name of one already there: the form says why, in the reader's language.
  const own = page.getByRole('form', { name: t('tickets.departments.addTitle') });
  await own.getByLabel(t('tickets.departments.name'), { exact: true }).fill(t('tickets.departments.keys.support'));
  await own.getByRole('button', { name: t('tickets.departments.add'), exact: true }).click();
  await own.getByRole('alert').filter({ hasText: t('tickets.errors.department_name_taken') }).waitFor();
  await own.getByLabel(t('tickets.departments.name'), { exact: true }).fill('');

  // A complaint arrives; a link opens the ticket dialog for it.
  const accountId = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.bsky.test`);
  const item = await seedItem(server, wid, { text: HOSTILE, accountId, handle: `angry-${lang}.bsky.test`, displayName: 'Angry \u202eCustomer' });
  await page.goto(`/w/${wid}/tickets/new?item=${item.id}`);
  const dialog = page.getByRole('dialog', { name: t('tickets.dialog.title') });
  await dialog.waitFor();
  const department = dialog.getByLabel(t('tickets.dialog.department'), { exact: true });
  // A department without an address cannot be chosen for sending: the dialog says why.
  await department.selectOption({ label: t('tickets.departments.keys.marketing') });
  await dialog.getByText(t('tickets.dialog.noEmail', { department: t('tickets.departments.keys.marketing') })).waitFor();
  // And leads to where the address is given.
  expect(await dialog.getByRole('link', { name: t('tickets.dialog.giveAddress'), exact: true }).getAttribute('href')).toBe(`/w/${wid}/settings/departments`);
  expect(await dialog.getByRole('button', { name: t('tickets.dialog.submit'), exact: true }).isDisabled()).toBe(true);
  await department.selectOption({ label: t('tickets.departments.keys.legal') });
  await dialog.getByLabel(t('tickets.dialog.note'), { exact: true }).fill('Customer threatens to sue.');
  // The due date is typed the app language's way (the browser's own field would speak the browser's language).
  const due = DateTime.now().setZone(ZONE).plus({ days: 2 }).set({ hour: 17, minute: 30, second: 0, millisecond: 0 });
  await typeWhen(dialog, lang, t('tickets.dialog.due'), due);
  await dialog.getByText(t('tickets.dialog.dueZone', { zone: ZONE }), { exact: false }).waitFor();
  await shoot(page, 'dialog', lang);
  await dialog.getByRole('button', { name: t('tickets.dialog.submit'), exact: true }).click();
  const title = t('tickets.ticket.title', { department: t('tickets.departments.keys.legal') });
  await me.expectPage(title);

  // The department's e-mail: plain text, the message as written, a reply address.
  const mail = await expect.poll(() => server.inbox.find((m) => m.to.includes('legal@brand.test')), { timeout: 15_000 }).toBeTruthy().then(() =>
    parseMail(server.inbox.find((m) => m.to.includes('legal@brand.test'))!.raw),
  );
  expect(mail.text).toContain('Customer threatens to sue.');
  expect(mail.replyTo).toMatch(/^replies\+t-[0-9a-f]{32}@ruche\.test$/);

  // The message is inert text on the page.
  await page.locator('.ticket-item-text').getByText('My order arrived broken', { exact: false }).waitFor();
  expect(await page.locator('.ticket-item-text img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The list shows it, with its department, owner, due date and status.
  await page.getByRole('link', { name: t('tickets.ticket.back'), exact: true }).click();
  await me.expectPage(t('tickets.title'));
  const row = page.locator('.ticket-row').filter({ hasText: t('tickets.departments.keys.legal') });
  await row.getByText(t('tickets.status.open'), { exact: true }).waitFor();
  await row.getByText(names.owner, { exact: true }).waitFor();
  const times = await row.locator('time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
  expect(times).toContain(due.toMillis());
  // Said on the workspace's clock, naming it, since it is not this browser's.
  await row.getByText(`17:30 (${t('zone.label', { city: 'Paris' })})`, { exact: false }).waitFor();
  await shoot(page, 'list', lang);

  // The department answers by replying to the e-mail.
  await replyByMail(answerReceiverPort(server.ctx)!, mail.replyTo!, `We are contacting the customer today.\n\nOn Mon, Ruche wrote:\n> ${HOSTILE.slice(0, 40)}\n`);
  await row.getByRole('link').click();
  await me.expectPage(title);
  await expect.poll(async () => {
    await page.reload();
    await page.locator('.ticket-thread').waitFor();
    return page.getByText('We are contacting the customer today.', { exact: true }).count();
  }, { timeout: 15_000 }).toBe(1);
  await page.getByText(t('tickets.status.answered'), { exact: true }).first().waitFor();
  await page.getByText(t('tickets.ticket.byEmail', { email: 'legal@brand.test' }), { exact: true }).waitFor();
  // The thread names the workspace's zone once, above its entries, rather than after every time.
  const paris = t('zone.label', { city: 'Paris' });
  await page.getByText(t('zone.threadZone', { zone: paris }), { exact: true }).waitFor();
  expect(await page.locator('.ticket-thread').getByText(`(${paris})`, { exact: false }).count()).toBe(0);

  // An empty message is told in the app's language, with the focus on the field, not by the browser in its own.
  const messageField = page.getByLabel(t('tickets.ticket.message'), { exact: true });
  await me.button(t('tickets.ticket.send')).click();
  await me.expectAlert(t('tickets.ticket.needMessage'));
  await expect.poll(() => messageField.evaluate((el) => el === document.activeElement)).toBe(true);
  await shoot(page, 'ticket-no-message', lang);

  // An internal note, then closing: refused until the public answer has gone out.
  await messageField.fill('I will call them too.');
  await me.button(t('tickets.ticket.send')).click();
  await me.expectStatus(t('tickets.ticket.messageAdded'));
  await page.locator('.ticket-message').filter({ hasText: 'I will call them too.' }).waitFor();
  await me.button(t('tickets.ticket.close')).click();
  await me.expectAlert(t('tickets.errors.public_answer_missing'));
  await page.getByText(t('tickets.publicPending'), { exact: true }).waitFor();
  await shoot(page, 'ticket', lang);

  await markPublicAnswerSent(server, wid, item.id, session.user.id);
  await page.reload();
  await me.expectTitle(title);
  await page.getByText(t('tickets.publicSent'), { exact: true }).waitFor();
  await me.button(t('tickets.ticket.close')).click();
  await me.expectStatus(t('tickets.ticket.closed'));
  await me.button(t('tickets.ticket.reopen')).waitFor();

  // Closed tickets leave the open list and are found under Closed.
  await page.getByRole('link', { name: t('tickets.ticket.back'), exact: true }).click();
  await me.expectPage(t('tickets.title'));
  await page.getByText(t('tickets.emptyFor.open'), { exact: true }).waitFor();
  await page.getByRole('button', { name: t('tickets.filters.closed'), exact: true }).click();
  await page.locator('.ticket-row').filter({ hasText: t('tickets.status.closed') }).waitFor();
  await context.close();
}
