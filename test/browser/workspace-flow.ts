/**
 * The workspace's own pages, driven as a person would in either language: its settings (a new name, a time zone
 * found by typing a city, the first day of the week, a logo), the overview showing a post to approve and a
 * failed one, and the approvals list approving two posts at once and sending one back with a comment.
 * The network is the in-memory test network (test/helpers/local-network.ts).
 */
import { expect } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { LocalNetwork } from '../helpers/local-network.js';
import type { TestRuche } from '../helpers/ruche.js';

interface Names {
  owner: string;
  workspace: string;
  renamed: string;
  refused: string;
  /** Three posts to approve, and one someone else approves while the list is open. */
  posts: [string, string, string, string];
  alt: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'mobile']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/${name}-${tag}-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

export async function workspaceFlow(browser: Browser, server: TestRuche & Server, network: LocalNetwork, lang: Lang, names: Names) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  await page.setViewportSize({ width: 1366, height: 900 });
  const me = ui(page, lang);
  const t = me.t;
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  // A first post before any account: the composer says where accounts are connected.
  await page.goto(`/w/${wid}/calendar/new`);
  await me.expectTitle(t('composer.newTitle'));
  await page.getByRole('group', { name: t('composer.accounts') }).getByRole('link', { name: t('composer.connectAccount'), exact: true }).click();
  await me.expectPage(t('accounts.title'));
  const account = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.local`);

  // Settings → Workspace: a new name, a zone found by typing a city, Sunday first, a logo.
  await me.goTo('settings');
  await page.getByRole('link', { name: t('workspaceSettings.title'), exact: true }).click();
  await me.expectPage(t('workspaceSettings.title'));
  // An emptied name is told in the app's language, not by the browser.
  await page.getByLabel(t('workspaceSettings.name'), { exact: true }).fill('');
  await me.button(t('workspaceSettings.save')).click();
  await me.expectAlert(t('workspaceSettings.nameNeeded'));
  await page.getByLabel(t('workspaceSettings.name'), { exact: true }).fill(names.renamed);
  const zone = page.getByRole('combobox', { name: t('workspaceSettings.timezone'), exact: true });
  await zone.fill('Kolkata');
  await page.getByRole('option', { name: /^Asia\/Kolkata UTC\+05:30$/ }).click();
  expect(await zone.inputValue()).toBe('Asia/Kolkata');
  await page.getByText(/UTC\+05:30$/).waitFor();
  // The time there is on the 24-hour clock, as every time in Ruche, in English too.
  const there = await page.getByText(/UTC\+05:30$/).textContent();
  expect(there).toMatch(/^\d{2}:\d{2} /);
  expect(there).not.toMatch(/\b[AP]M\b/);
  // An old name finds the current one; Escape leaves the choice as it was, arrows and Enter pick.
  await zone.fill('Kiev');
  await page.getByRole('option', { name: /^Europe\/Kyiv UTC/ }).waitFor();
  await zone.press('Escape');
  expect(await zone.inputValue()).toBe('Asia/Kolkata');
  await zone.fill('calcutta');
  await zone.press('ArrowDown');
  await zone.press('Enter');
  expect(await zone.inputValue()).toBe('Asia/Kolkata');
  await page.getByRole('radio', { name: t('workspaceSettings.weekStarts.sunday'), exact: true }).check();
  // The languages of posts are named in the reader's language ("Anglais" in French), not as the language switcher names them.
  const postLanguage = page.getByLabel(t('workspaceSettings.locale'), { exact: true });
  expect(await postLanguage.locator('option').allTextContents()).toEqual([t('lang.names.en'), t('lang.names.fr')]);
  await postLanguage.selectOption(lang);
  await me.button(t('workspaceSettings.save')).click();
  await me.expectStatus(t('workspaceSettings.saved'));
  await me.switcher(names.renamed).waitFor();
  expect(await me.api('GET', `/workspaces/${wid}`)).toMatchObject({ name: names.renamed, timezone: 'Asia/Kolkata', weekStart: 'sunday', locale: lang });

  const logo = await sharp({ create: { width: 320, height: 320, channels: 4, background: '#d98e04' } }).png().toBuffer();
  await page.getByLabel(t('workspaceSettings.logoChoose'), { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
  await me.expectStatus(t('workspaceSettings.logoSaved'));
  await page.locator('.switcher img.workspace-logo').waitFor();
  await shoot(page, 'workspace-settings', lang);

  // Something failed, and three posts wait for the owner's approval (one with an image).
  network.failNext('rejected', names.refused, `brand-${lang}.local`);
  const failed = await me.api('POST', `/workspaces/${wid}/posts`, { body: 'A post the network refused', accountIds: [account] });
  await me.api('POST', `/workspaces/${wid}/posts/${failed.id}/submit`);
  await me.api('POST', `/workspaces/${wid}/posts/${failed.id}/schedule`, { at: 'now' });
  await expect.poll(async () => (await me.api('GET', `/workspaces/${wid}/posts/${failed.id}`)).status, { timeout: 30_000 }).toBe('failed');
  await me.api('PATCH', `/workspaces/${wid}/publishing`, { approvalSteps: [{ roles: ['owner'], count: 1 }] });
  const image = await page.evaluate(async ([w, alt, bytes]) => {
    const res = await fetch(`/api/v1/workspaces/${w}/media?fileName=jar.png&alt=${encodeURIComponent(alt)}`, {
      method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Ruche-CSRF': '1' }, body: new Uint8Array(bytes),
    });
    return res.json();
  }, [wid, names.alt, [...(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#f2b233' } }).png().toBuffer())]] as const);
  const ids: string[] = [];
  for (const [i, body] of names.posts.entries()) {
    const post = await me.api('POST', `/workspaces/${wid}/posts`, { body, accountIds: [account], mediaIds: i === 0 ? [image.id] : [] });
    await me.api('POST', `/workspaces/${wid}/posts/${post.id}/submit`);
    ids.push(post.id);
  }

  // The overview: what waits for me, what did not go out and why.
  await page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t('nav.overview'), exact: true }).click();
  await me.heading(names.renamed).waitFor();
  const toApprove = page.getByRole('region', { name: new RegExp(`^${escape(t('overview.toApprove'))}`) });
  await toApprove.getByRole('link', { name: names.posts[0] }).waitFor();
  // Times on the 24-hour clock, as everywhere else in the app, in English too.
  const times = (await page.locator('.glance-when').allTextContents()).filter((when) => /\d/.test(when));
  expect(times.length).toBeGreaterThan(0);
  for (const when of times) expect(when).toMatch(/\b\d\d:\d\d$/);
  const problems = page.getByRole('region', { name: new RegExp(`^${escape(t('overview.failed'))}`) });
  await problems.getByRole('link', { name: 'A post the network refused' }).waitFor();
  await problems.getByText(names.refused, { exact: false }).waitFor();
  const facts = page.getByRole('region', { name: names.renamed, exact: true });
  expect(await facts.locator('dd').allTextContents()).toContain(t(`lang.names.${lang}`));
  await shoot(page, 'workspace-overview', lang);
  await problems.getByRole('button', { name: t('overview.retryFor', { post: 'A post the network refused' }) }).click();
  await me.expectStatus(t('overview.retrying', { post: 'A post the network refused' }));
  await expect.poll(async () => (await me.api('GET', `/workspaces/${wid}/posts/${failed.id}`)).status, { timeout: 30_000 }).toBe('published');

  // The approvals list: each post in full with its image and alt text; two approved at once, one sent back.
  await toApprove.getByRole('link', { name: t('overview.allToApprove_other', { count: 4 }) }).click();
  await me.expectPage(t('approvals.title'));
  const card = (body: string) => page.getByRole('article', { name: body, exact: true });
  await card(names.posts[0]).locator(`img[alt="${names.alt}"]`).waitFor();
  await card(names.posts[0]).getByText(t('approvals.alt', { alt: names.alt })).waitFor();
  await shoot(page, 'workspace-approvals', lang);
  await page.getByRole('checkbox', { name: t('approvals.select', { post: names.posts[0] }) }).check();
  await page.getByRole('checkbox', { name: t('approvals.select', { post: names.posts[1] }) }).check();
  await page.getByText(t('approvals.selected_other', { count: 2 })).waitFor();
  await me.button(t('approvals.approveSelected')).click();
  await me.expectStatus(t('approvals.approvedMany_other', { count: 2 }));
  await expect.poll(() => card(names.posts[0]).count()).toBe(0);
  expect(await card(names.posts[1]).count()).toBe(0);

  const last = card(names.posts[2]);
  await last.getByRole('button', { name: t('approvals.requestChangesOpen') }).click();
  // Sent back without a word: the app asks for one in its own language.
  await last.getByRole('button', { name: t('approvals.sendBack') }).click();
  await last.getByRole('alert').getByText(t('approvals.commentNeeded')).waitFor();
  await last.getByLabel(t('approvals.commentFor', { name: names.owner })).fill('Add the link to the shop');
  await last.getByRole('button', { name: t('approvals.sendBack') }).click();
  await me.expectStatus(t('approvals.sentBack', { post: names.posts[2] }));

  // Decided elsewhere meanwhile: the list says which post it could not approve, and why.
  await page.getByRole('checkbox', { name: t('approvals.select', { post: names.posts[3] }) }).check();
  await me.api('POST', `/workspaces/${wid}/posts/${ids[3]}/decision`, { decision: 'approved' });
  await me.button(t('approvals.approveSelected')).click();
  await me.expectAlert(t('approvals.refusedItem', { post: names.posts[3], reason: t('approvals.refused.not_in_review') }));
  await page.getByText(t('approvals.empty')).waitFor();
  // Nothing left to decide: the page says why posts would wait here, and where the approval steps are set.
  const steps = page.getByRole('link', { name: t('approvals.emptyLink'), exact: true });
  expect(new URL(await steps.getAttribute('href') ?? '', 'http://x').pathname).toBe(`/w/${wid}/settings/publishing`);

  const statuses = await Promise.all(ids.map(async (id) => (await me.api('GET', `/workspaces/${wid}/posts/${id}`)).status));
  expect(statuses).toEqual(['approved', 'approved', 'draft', 'approved']);
  const history = await me.api('GET', `/workspaces/${wid}/posts/${ids[2]}/history`);
  expect(history.items.find((e: { kind: string }) => e.kind === 'changes_requested').body).toBe('Add the link to the shop');

  await context.close();
}
