/**
 * The inbox, driven as a community manager would in either language: items from the Mastodon fake (stored through
 * the inbound pipeline), triage with the keyboard (j/k, e, a, l, ?), filter counts that follow the filters, a reply
 * built from a saved reply and sent to the fake in the right thread, and an item that arrives while the page is open.
 */
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { arrive, connectBrand, type InboxServer } from './inbox-fixture.js';

interface Texts {
  complaint: string;
  praise: string;
  question: string;
  late: string;
  ourPost: string;
  saved: { title: string; body: string; expected: (name: string) => string };
  label: string;
}

const TEXTS: Record<Lang, Texts> = {
  en: {
    complaint: 'My order never arrived, I have been waiting for three weeks and nobody answers. Unacceptable!',
    praise: 'Love the new honey jars, thank you so much, brilliant work!',
    question: 'Do you ship to Canada?',
    late: 'Hello, is the shop open on Sunday?',
    ourPost: 'Our spring honey is here.',
    saved: { title: 'Sorry for the delay', body: 'Hello {first_name}, sorry for the delay: we are looking into it now.', expected: (n) => `Hello ${n}, sorry for the delay: we are looking into it now.` },
    label: 'delivery',
  },
  fr: {
    complaint: 'Ma commande n’est jamais arrivée, j’attends depuis 3 semaines et personne ne répond. Inadmissible !',
    praise: 'J’adore les nouveaux pots de miel, merci beaucoup, superbe travail !',
    question: 'Livrez-vous au Canada ?',
    late: 'Bonjour, la boutique est-elle ouverte dimanche ?',
    ourPost: 'Notre miel de printemps est arrivé.',
    saved: { title: 'Désolés du retard', body: 'Bonjour {first_name}, désolés du retard : nous regardons tout de suite.', expected: (n) => `Bonjour ${n}, désolés du retard : nous regardons tout de suite.` },
    label: 'livraison',
  },
};

export async function inboxFlow(browser: Browser, server: InboxServer, lang: Lang, names: { owner: string; workspace: string }) {
  // A browser on New York's clock, for a workspace on Paris's: the inbox reads dates on the workspace's, as the composer plans.
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US', 'America/New_York');
  const me = ui(page, lang);
  const t = me.t;
  const said = TEXTS[lang];
  await page.setViewportSize({ width: 1400, height: 900 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  await me.api('PATCH', `/workspaces/${wid}`, { timezone: 'Europe/Paris' });
  const session = await me.api('GET', '/session');

  // Before any account: the inbox says how to start.
  await me.goTo('inbox');
  await page.getByRole('heading', { name: t('inbox.empty.noAccountTitle') }).waitFor();
  await page.getByRole('link', { name: t('inbox.empty.connect'), exact: true }).waitFor();

  const { me: brand, accountId } = await connectBrand(server, wid, session.user.id, `hive${lang}`);
  const post = server.fake.postAs(brand, said.ourPost);
  const ada = server.fake.createAccount(`ada${lang}`, { displayName: 'Ada Lovelace' });
  const bob = server.fake.createAccount(`bob${lang}`, { displayName: 'Bob Martin' });
  const cy = server.fake.createAccount(`cy${lang}`, { displayName: 'Cy Young' });
  const where = { accountId, workspaceId: wid };
  const ourPost = { id: post.id, text: said.ourPost, handle: brand.username };
  const complaintId = await arrive(server, where, { from: ada, text: said.complaint, replyTo: ourPost, language: lang, minutesAgo: 30 });
  await arrive(server, where, { from: bob, text: said.praise, replyTo: ourPost, language: lang, minutesAgo: 20 });
  await arrive(server, where, { from: cy, text: said.question, language: lang, minutesAgo: 10 });
  await me.api('POST', `/workspaces/${wid}/inbox/saved-replies`, { title: said.saved.title, body: said.saved.body, language: lang });

  await page.reload();
  await me.expectTitle(t('areas.inbox.title'));
  const list = page.getByRole('listbox', { name: t('inbox.listLabel') });
  const option = (text: string): Locator => list.getByRole('option').filter({ hasText: text.slice(0, 30) });
  await option(said.question).waitFor();
  expect(await list.getByRole('option').count()).toBe(3);
  const tab = (status: string) => page.locator('.inbox-tabs label').filter({ hasText: t(`inbox.status.${status}`) });
  const tabCount = async (status: string) => Number((await tab(status).locator('.inbox-tab-count').textContent())?.replace(/\D/g, ''));
  await expect.poll(() => tabCount('open')).toBe(3);

  // Keyboard triage: j opens the newest, j again the next, k goes back.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect.poll(() => option(said.question).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('j');
  await expect.poll(() => option(said.praise).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('j');
  await expect.poll(() => option(said.complaint).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('k');
  await expect.poll(() => option(said.praise).getAttribute('aria-selected')).toBe('true');
  expect(await option(said.question).getAttribute('aria-selected')).toBe('false');

  // e marks it done: the row says so and the counts follow.
  await page.keyboard.press('e');
  await option(said.praise).locator('.inbox-status').filter({ hasText: t('inbox.status.done') }).waitFor();
  await expect.poll(() => tabCount('open')).toBe(2);
  await expect.poll(() => tabCount('done')).toBe(1);
  await expect.poll(async () => (await me.api('GET', `/workspaces/${wid}/inbox/counts`)).byStatus.done).toBe(1);

  // Back to the complaint: a assigns it, l labels it.
  await page.keyboard.press('j');
  await expect.poll(() => option(said.complaint).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('a');
  const assign = page.getByRole('dialog', { name: t('inbox.assign.title_one') });
  await assign.getByLabel(t('inbox.assign.who'), { exact: true }).selectOption({ label: t('inbox.assign.me', { name: names.owner }) });
  await assign.getByRole('button', { name: t('inbox.assign.submit'), exact: true }).click();
  await option(said.complaint).locator('.inbox-assignee').filter({ hasText: names.owner }).waitFor();
  await page.keyboard.press('l');
  const labels = page.getByRole('dialog', { name: t('inbox.labels.title_one') });
  await labels.getByLabel(t('inbox.labels.add'), { exact: true }).fill(said.label);
  await labels.getByRole('button', { name: t('inbox.labels.submit'), exact: true }).click();
  await option(said.complaint).locator('.inbox-label').filter({ hasText: said.label }).waitFor();
  const stored = await me.api('GET', `/workspaces/${wid}/inbox/items/${complaintId}`);
  expect(stored.item.assigneeId).toBe(session.user.id);
  expect(stored.item.labels).toEqual([said.label]);
  // Its date on the workspace's clock, naming it, and the row's full date too.
  const arrived = DateTime.fromMillis(new Date(stored.item.createdAt).getTime()).setZone('Europe/Paris');
  const paris = t('zone.label', { city: 'Paris' });
  await expect.poll(() => page.locator('.inbox-detail-head .muted').textContent()).toContain(`${arrived.toFormat('HH:mm')} (${paris})`);
  expect(await option(said.complaint).locator('time').getAttribute('title')).toContain(`${arrived.toFormat('HH:mm')} (${paris})`);

  // Typing in a field never triggers a shortcut.
  await page.getByLabel(t('inbox.search'), { exact: true }).fill('jk');
  await page.getByLabel(t('inbox.search'), { exact: true }).press('e');
  expect((await me.api('GET', `/workspaces/${wid}/inbox/items/${complaintId}`)).item.status).toBe('open');
  await page.getByLabel(t('inbox.search'), { exact: true }).fill('');

  // ? lists the shortcuts; Escape closes the list.
  await page.locator('.inbox-detail-head h2').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: t('inbox.shortcuts.title') });
  await help.waitFor();
  await help.getByText(t('inbox.shortcuts.assign'), { exact: true }).waitFor();
  // Modal: the page behind it takes no click or key, and the focus sits inside it.
  expect(await help.evaluate((d) => d.matches(':modal') && d.contains(document.activeElement))).toBe(true);
  await page.screenshot({ path: `/tmp/inbox-help-${lang}.png` });
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // Filter counts follow the other filters: the label filter leaves one open item, and the sentiment counts shrink.
  await page.getByRole('button', { name: t('inbox.filters.title'), exact: true }).click();
  const labelFilter = page.getByLabel(t('inbox.filters.label'), { exact: true });
  await labelFilter.selectOption(said.label);
  await expect.poll(() => tabCount('open')).toBe(1);
  await expect.poll(() => list.getByRole('option').count()).toBe(1);
  const mastodon = page.getByLabel(t('inbox.filters.network'), { exact: true }).locator('option[value="mastodon"]');
  await expect.poll(() => mastodon.textContent()).toBe(t('inbox.filters.optionCount', { label: 'Mastodon', count: 1 }));
  await labelFilter.selectOption('');
  await expect.poll(() => mastodon.textContent()).toBe(t('inbox.filters.optionCount', { label: 'Mastodon', count: 2 }));
  await expect.poll(() => tabCount('open')).toBe(2);
  await page.screenshot({ path: `/tmp/inbox-desktop-${lang}.png`, fullPage: true });

  // Reply with a saved reply: the server fills in the first name, the counter counts it, the fake gets it in the thread.
  await option(said.complaint).click();
  await page.getByRole('button', { name: t('inbox.why'), exact: true }).first().click();
  await page.getByText(t('inbox.reasonsTitle'), { exact: true }).waitFor();
  await page.getByLabel(t('inbox.reply.saved'), { exact: true }).selectOption({ label: said.saved.title });
  const editor = page.getByLabel(t('inbox.reply.body', { network: 'Mastodon' }), { exact: true });
  await expect.poll(() => editor.inputValue()).toBe(said.saved.expected('Ada'));
  await page.locator('.inbox-counter').filter({ hasText: /Mastodon.*\/ 500/ }).waitFor();
  await me.button(t('inbox.reply.send')).click();
  await page.locator('.inbox-reply-sent').waitFor({ timeout: 30_000 }).catch(async (error) => {
    await page.screenshot({ path: `/tmp/inbox-reply-failed-${lang}.png`, fullPage: true });
    throw new Error(`${error}: ${JSON.stringify((await me.api('GET', `/workspaces/${wid}/inbox/items/${complaintId}`)).replies)}`);
  });
  const replies = server.fake.statusesOf(brand.id).filter((s) => s.inReplyToId !== null);
  expect(replies).toHaveLength(1);
  expect(replies[0].text).toContain(said.saved.expected('Ada'));
  expect(replies[0].inReplyToId).toBe((await me.api('GET', `/workspaces/${wid}/inbox/items/${complaintId}`)).item.externalId);
  await page.screenshot({ path: `/tmp/inbox-replied-${lang}.png`, fullPage: true });

  // A ticket starts from the item, in the tickets' own dialog; the shortcuts rest while it is open.
  await me.button(t('inbox.tickets.open')).click();
  const ticket = page.getByRole('dialog', { name: t('tickets.dialog.title') });
  await ticket.waitFor();
  await page.keyboard.press('j');
  expect(await ticket.isVisible()).toBe(true);
  await page.keyboard.press('Escape');
  await ticket.waitFor({ state: 'detached' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(t('inbox.tickets.open'));

  // Moderation where the network allows it: Mastodon hides no reply (said beside the disabled button), but blocks, after a confirmation.
  const moderation = page.getByRole('region', { name: t('inbox.moderation.title') });
  const hide = moderation.getByRole('button', { name: t('inbox.moderation.action.hide'), exact: true });
  expect(await hide.isDisabled()).toBe(true);
  expect(await hide.getAttribute('aria-describedby')).not.toBeNull();
  await moderation.getByText(t('inbox.moderation.notAllowed', { network: 'Mastodon' })).first().waitFor();
  await moderation.getByRole('button', { name: t('inbox.moderation.action.block'), exact: true }).click();
  const author = `@ada${lang}@fake.test`;
  const confirm = page.getByRole('dialog', { name: t('inbox.moderation.confirm.block.title', { author }) });
  await confirm.getByRole('button', { name: t('inbox.moderation.action.block'), exact: true }).click();
  await page.locator('.inbox-log li').filter({ hasText: t('inbox.moderation.logged.block') }).filter({ hasText: t('inbox.log.outcome.done') }).waitFor({ timeout: 30_000 });

  // A new item arrives while the page is open: announced politely, shown when asked, the list does not jump.
  const dan = server.fake.createAccount(`dan${lang}`, { displayName: 'Dan Brown' });
  await arrive(server, where, { from: dan, text: said.late, language: lang });
  const fresh = me.button(t('inbox.live.show_one'));
  await fresh.waitFor({ timeout: 15_000 });
  await page.getByRole('status').filter({ hasText: t('inbox.live.announce_one') }).waitFor();
  expect(await option(said.late).count()).toBe(0);
  await fresh.click();
  await option(said.late).waitFor();
  await expect.poll(() => tabCount('open')).toBe(3);

  // Bulk: two items ticked with x, marked waiting at once.
  await option(said.late).click();
  await expect.poll(() => option(said.late).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await expect.poll(() => option(said.question).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('x');
  const bulk = page.getByRole('toolbar', { name: t('inbox.bulk.label_other', { count: 2 }) });
  await bulk.getByRole('button', { name: t('inbox.bulk.mark', { status: t('inbox.status.waiting') }), exact: true }).click();
  await expect.poll(() => tabCount('waiting')).toBe(2);
  await expect.poll(() => tabCount('open')).toBe(1);
  await bulk.getByRole('button', { name: t('inbox.bulk.clear'), exact: true }).click();
  await bulk.waitFor({ state: 'detached' });

  await phone(page, me, t, said);
  await context.close();
}

async function phone(page: Page, me: ReturnType<typeof ui>, t: (key: string) => string, said: Texts) {
  await page.setViewportSize({ width: 390, height: 844 });
  const list = page.getByRole('listbox', { name: t('inbox.listLabel') });
  // The open item (the last one j reached) becomes its own view, with a way back, once the page has taken the new width.
  const back = me.button(t('inbox.back'));
  await back.waitFor();
  await back.click();
  await list.waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The search box's placeholder is read whole, not cut at the box's edge.
  const search = page.getByLabel(t('inbox.search'), { exact: true });
  // Written into the box for a moment (search boxes keep room for their clear button): it must not scroll.
  const fit = await search.evaluate((input: HTMLInputElement) => {
    const typed = input.value;
    input.value = input.placeholder;
    const widths = { text: input.scrollWidth, box: input.clientWidth };
    input.value = typed;
    return widths;
  });
  expect(fit.text, `the placeholder (${fit.text} px) in its box (${fit.box} px)`).toBeLessThanOrEqual(fit.box);
  // Authors' names are read whole: the kind and age of the item go under a name that leaves them no room.
  for (const name of await list.locator('.inbox-author').all()) {
    const cut = await name.evaluate((el) => ({ text: el.textContent, over: el.scrollWidth - el.clientWidth }));
    expect(cut.over, `${cut.text} is cut`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: `/tmp/inbox-mobile-${me.t('inbox.listLabel') === 'Items' ? 'en' : 'fr'}.png`, fullPage: true });
  await list.getByRole('option').filter({ hasText: said.complaint.slice(0, 30) }).click();
  await back.waitFor();
  expect(await list.count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `/tmp/inbox-mobile-item-${me.t('inbox.listLabel') === 'Items' ? 'en' : 'fr'}.png`, fullPage: true });
  await back.click();
  await list.waitFor();
  await page.setViewportSize({ width: 1400, height: 900 });
}
