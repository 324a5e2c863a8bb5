/**
 * A client and the inbox, in either language: with the workspace's "clients read the inbox" off, no Inbox in the
 * menu, the address refused and the read routes answering 403; with it on, the Inbox in the menu (Moderation and
 * Tickets still not), the items and their reasons in words, the team's internal notes kept from them, and nothing
 * that acts: no reply editor, no status, assignment, label, ticket or moderation button, no check boxes, and the
 * acting shortcuts do nothing. Every endpoint the page calls answers the client; every acting one refuses. The
 * read-only inbox is shot at desktop width and at 390 px into /tmp.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { text, ui, type Lang } from './helpers.js';
import { arrive, connectBrand, type InboxServer } from './inbox-fixture.js';

const exact = { exact: true } as const;

/** What the flow writes and expects in each language. */
export interface ClientSaid {
  owner: string;
  client: string;
  workspace: string;
  post: string;
  complaint: string;
  note: string;
  /** The date fields' pattern, and a date written in it. */
  datePattern: string;
  date: string;
}

/** The HTTP status of a call made with the page's session. */
async function statusOf(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ([m, p, b]) => {
      const controller = new AbortController();
      const res = await fetch(`/api/v1${p}`, {
        method: m,
        headers: { 'Content-Type': 'application/json', 'X-Ruche-CSRF': '1' },
        body: b === undefined ? undefined : JSON.stringify(b),
        signal: controller.signal,
      });
      controller.abort();
      return res.status;
    },
    [method, path, body] as const,
  );
}

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'mobile']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/${name}-${tag}-${lang}.png`, fullPage: true });
    // Nothing wider than the screen on a phone.
    if (tag === 'mobile') expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits a phone`).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** An analysis rule in words, as the page says it (a rule without words of its own gets the generic ones). */
function ruleSaid(lang: Lang, rule: string): string {
  try {
    return text(lang, `inbox.ruleSaid.${rule}`);
  } catch {
    return text(lang, 'inbox.ruleSaid.unknown');
  }
}

export async function inboxClientFlow(browser: Browser, server: InboxServer, lang: Lang, said: ClientSaid) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const team = await newVisitor(browser, server, locale);
  const owner = ui(team.page, lang);
  const t = owner.t;
  await owner.setupOwner({ name: said.owner, email: `owner-client-${lang}@example.com`, password: 'owner password 1', workspace: said.workspace });
  const wid = owner.workspaceId();
  const session = await owner.api('GET', '/session');
  const { me: brand, accountId } = await connectBrand(server, wid, session.user.id, `ruche${lang}`);
  const post = server.fake.postAs(brand, said.post);
  const where = { accountId, workspaceId: wid };
  const ada = server.fake.createAccount(`ada${lang}`, { displayName: 'Ada Lovelace' });
  const complaint = said.complaint;
  const itemId = await arrive(server, where, { from: ada, text: complaint, replyTo: { id: post.id, text: said.post, handle: brand.username }, language: lang, minutesAgo: 5 });
  // A note the team keeps to itself.
  await owner.api('POST', `/workspaces/${wid}/inbox/items/${itemId}/notes`, { body: said.note });
  const adaId = (await owner.api('GET', `/workspaces/${wid}/inbox/items/${itemId}`)).item.author.id;
  const invitation = await owner.api('POST', `/workspaces/${wid}/invitations`, { email: `client-${lang}@example.com`, role: 'client' });

  // The client joins; the setting is off.
  const guest = await newVisitor(browser, server, locale);
  const page = guest.page;
  const me = ui(page, lang);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(new URL(invitation.link).pathname);
  await me.acceptInvitation(said.client, 'client password 1');
  await me.heading(said.workspace).waitFor();
  const nav = page.getByRole('navigation', { name: t('nav.label') });
  await nav.getByRole('link', { name: t('areas.calendar.title'), ...exact }).waitFor();
  expect(await nav.getByRole('link', { name: t('areas.inbox.title'), ...exact }).count()).toBe(0);
  expect((await me.api('GET', '/session')).memberships[0].readsInbox).toBe(false);
  await page.goto(`/w/${wid}/inbox`);
  await me.expectTitle(t('notFound.roleTitle'));
  expect(await statusOf(page, 'GET', `/workspaces/${wid}/inbox/items`)).toBe(403);

  // The owner lets clients read the inbox.
  await owner.api('PATCH', `/workspaces/${wid}`, { clientsSeeInbox: true });
  await page.goto(`/w/${wid}`);
  await me.heading(said.workspace).waitFor();
  expect((await me.api('GET', '/session')).memberships[0].readsInbox).toBe(true);
  await nav.getByRole('link', { name: t('areas.inbox.title'), ...exact }).waitFor();
  for (const area of ['moderation', 'tickets']) {
    expect(await nav.getByRole('link', { name: t(`areas.${area}.title`), ...exact }).count(), area).toBe(0);
  }
  await me.goTo('inbox');
  const list = page.getByRole('listbox', { name: t('inbox.listLabel') });
  const row = list.getByRole('option').filter({ hasText: complaint.slice(0, 30) });
  await row.waitFor();
  expect(await page.locator('.inbox-check').count()).toBe(0);
  await row.click();
  await page.locator('.inbox-detail-head h2').waitFor();
  await page.locator('.inbox-author-card').waitFor();
  // Read-only: the status said, no button that acts.
  await page.locator('.inbox-triage').getByText(t('inbox.status.open'), exact).waitFor();
  const acting = [
    ...['open', 'waiting', 'done'].map((s) => t(`inbox.status.${s}`)),
    t('inbox.assign.button'), t('inbox.labels.button'), t('inbox.tickets.open'), t('inbox.reply.send'),
  ];
  for (const name of acting) expect(await page.getByRole('button', { name, ...exact }).count(), name).toBe(0);
  expect(await page.getByRole('heading', { name: t('inbox.reply.title') }).count()).toBe(0);
  expect(await page.getByRole('heading', { name: t('inbox.moderation.title'), ...exact }).count()).toBe(0);
  expect(await page.locator('.inbox-detail textarea, .inbox-detail [contenteditable="true"]').count()).toBe(0);
  // The team's internal notes are not the client's (the workspace does not share its internal comments).
  expect(await page.getByRole('heading', { name: t('inbox.notes.title'), ...exact }).count()).toBe(0);
  expect(await page.getByText(said.note).count()).toBe(0);
  // The reasons, in words: the first the analysis gave, never a rule's internal name.
  const reasons = (await me.api('GET', `/workspaces/${wid}/inbox/items/${itemId}`)).item.reasons as Array<{ rule: string }>;
  expect(reasons.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: t('inbox.why'), ...exact }).first().click();
  await page.locator('.inbox-reasons').getByText(ruleSaid(lang, reasons[0].rule)).first().waitFor();
  expect(await page.locator('.inbox-reasons').innerText()).not.toMatch(/complaint-|règle |rule /);
  // How the inbox is collected is the team's concern: no strip saying "starts shortly" to a client.
  expect(await page.getByRole('region', { name: t('inbox.sources.title') }).count()).toBe(0);
  await shoot(page, 'inbox-client', lang);

  // The date filters are written the app's way, whatever the browser's own language. From the list, so that a
  // phone shows them too.
  await page.goto(`/w/${wid}/inbox`);
  await row.waitFor();
  // Nothing to answer for a client: the empty side says to read.
  await page.getByText(t('inbox.pickToRead'), exact).waitFor();
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/inbox/items?')) asked.push(r.url()); });
  await page.getByRole('button', { name: t('inbox.filters.title') }).click();
  const from = page.getByLabel(t('inbox.filters.from'), exact);
  expect(await from.getAttribute('placeholder')).toBe(said.datePattern);
  await from.fill(said.date);
  await expect.poll(() => asked.some((u) => new URL(u).searchParams.has('from'))).toBe(true);
  await page.getByRole('button', { name: t('dates.pickDate', { field: t('inbox.filters.from') }), ...exact }).waitFor();
  await shoot(page, 'inbox-client-dates', lang);
  await from.fill('');
  await page.getByRole('button', { name: t('inbox.filters.title') }).click();

  // The acting shortcuts do nothing.
  await row.click();
  await page.locator('.inbox-detail-head h2').click();
  for (const key of ['e', 'x', 'a', 'l', 'r']) await page.keyboard.press(key);
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect((await me.api('GET', `/workspaces/${wid}/inbox/items/${itemId}`)).item.status).toBe('open');

  // Every endpoint the page reads answers the client; the ones that act refuse it.
  const base = `/workspaces/${wid}/inbox`;
  for (const path of [`${base}/items`, `${base}/counts`, `${base}/items/${itemId}`, `${base}/authors/${adaId}`, `${base}/sources`, `${base}/stream`, `/workspaces/${wid}/accounts`]) {
    expect(await statusOf(page, 'GET', path), path).toBe(200);
  }
  expect(await statusOf(page, 'PATCH', `${base}/items/${itemId}`, { status: 'done' })).toBe(403);
  expect(await statusOf(page, 'POST', `${base}/items/${itemId}/notes`, { body: 'x' })).toBe(403);
  expect(await statusOf(page, 'POST', `${base}/items/${itemId}/replies`, { kind: 'like' })).toBe(403);
  expect(await statusOf(page, 'POST', `/workspaces/${wid}/moderation/items/${itemId}/actions`, { action: 'hide' })).toBe(403);
  // Moderation stays the team's, whatever the address.
  await page.goto(`/w/${wid}/moderation`);
  await me.expectTitle(t('notFound.roleTitle'));

  await guest.context.close();
  await team.context.close();
}
