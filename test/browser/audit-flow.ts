/**
 * The audit log and the background work page after a few real actions, in either language: every event is a
 * sentence naming what it touched (no action code), every job has a name and a translated state (no job type),
 * and names holding direction controls are shown neutralised. The network is the in-memory test network.
 */
import { expect } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit.js';
import { POST_PUBLISH } from '../../src/modules/publishing/job-names.js';
import type { LocalNetwork } from '../helpers/local-network.js';

export interface AuditNames {
  owner: string;
  member: string;
  workspace: string;
  campaign: string;
  oldCampaign: string;
}

const RLO = '\u202E';
// Reads "invoice-exe.png" when the override is obeyed; it is a .exe.
const TRICK_FILE = `invoice-${RLO}gnp.exe`;

export async function auditFlow(browser: Browser, server: TestRuche & Server, network: LocalNetwork, lang: Lang, names: AuditNames) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  const role = (r: string) => t(`roles.${r}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  const handle = `brand-${lang}.bsky.social`;
  const accountId = await connectLocalAccount(server, wid, session.user.id, handle);

  // Someone joins, and gets another role from the members page.
  const invitation = await me.api('POST', `/workspaces/${wid}/invitations`, { email: `marc-${lang}@example.com`, role: 'analyst' });
  const marc = new TestClient(server.url);
  const token = String(invitation.link).split('/invite/')[1];
  expect((await marc.post(`/api/v1/invitations/${token}/accept`, { name: names.member, password: 'marc password 1' })).status).toBe(200);
  await me.goTo('members');
  await me.changeRole(names.member, 'community_manager');

  // A post goes out (and a second one meets a busy network, to be tried again); then a crisis pause.
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#f2b233' } }).png().toBuffer();
  const media = await page.evaluate(
    async ([path, bytes]) => (await fetch(`/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Ruche-CSRF': '1' }, body: new Uint8Array(bytes) })).json(),
    [`/workspaces/${wid}/media?fileName=${encodeURIComponent(TRICK_FILE)}&alt=${encodeURIComponent('A honey jar')}`, [...png]] as const,
  );
  const publish = async (body: string, extra: object = {}) => {
    const post = await me.api('POST', `/workspaces/${wid}/posts`, { body, accountIds: [accountId], ...extra });
    await me.api('POST', `/workspaces/${wid}/posts/${post.id}/submit`);
    await me.api('POST', `/workspaces/${wid}/posts/${post.id}/schedule`, { at: 'now' });
    return post.id as string;
  };
  const sent = await publish(lang === 'fr' ? 'Les soldes commencent' : 'The sale starts');
  await expect.poll(async () => (await me.api('GET', `/workspaces/${wid}/posts/${sent}`)).status, { timeout: 20_000 }).toBe('published');
  network.failNext('transient', 'The network is busy');
  const retried = await publish(lang === 'fr' ? 'Deuxième annonce' : 'Second announcement');
  // Under way before the pause, so that the pause finds no overdue post and the resume sentence is the plain one.
  await expect.poll(async () => (await me.api('GET', `/workspaces/${wid}/posts/${retried}`)).status, { timeout: 20_000 }).not.toBe('scheduled');
  const held = await me.api('POST', `/workspaces/${wid}/posts`, { body: 'Jar', accountIds: [accountId], mediaIds: [media.id] });
  await me.api('POST', `/workspaces/${wid}/publishing/pause`);
  await me.api('POST', `/workspaces/${wid}/publishing/resume`, { overdue: 'unschedule' });

  // Campaigns come and go; one name carries a direction override.
  const hostileCampaign = `${names.campaign} ${RLO}olleh`;
  await me.api('POST', `/workspaces/${wid}/campaigns`, { name: hostileCampaign });
  const old = await me.api('POST', `/workspaces/${wid}/campaigns`, { name: names.oldCampaign });
  await me.api('DELETE', `/workspaces/${wid}/campaigns/${old.id}`);
  await me.api('DELETE', `/workspaces/${wid}/accounts/${accountId}`);

  await me.goTo('audit');
  const log = page.getByRole('table');
  const row = (sentence: string) => log.getByRole('row').filter({ hasText: sentence });
  const say = (key: string, values: Record<string, string | number> = {}) => t(`audit.sentences.${key}`, { actor: names.owner, ...values });
  for (const sentence of [
    say('roleChanged', { member: names.member, from: role('analyst'), to: role('community_manager') }),
    say('invitationCreated', { email: `marc-${lang}@example.com`, role: role('analyst') }),
    t('audit.sentences.invitationAccepted', { actor: names.member, role: role('analyst') }),
    say('accountConnected', { account: `@${handle}`, network: 'Bluesky' }),
    say('accountDisconnected', { account: `@${handle}`, network: 'Bluesky' }),
    say('publishingPaused'),
    say('publishingResumed'),
    say('campaignCreated', { name: `${names.campaign} ⟮U+202E⟯olleh` }),
    say('campaignDeleted', { name: names.oldCampaign }),
    say('workspaceCreated', { name: names.workspace }),
  ]) {
    await row(sentence).first().waitFor();
  }
  // Objects link to their pages: the member to the members page, the account to the accounts page.
  const memberLink = row(say('roleChanged', { member: names.member, from: role('analyst'), to: role('community_manager') })).getByRole('link', { name: names.member });
  expect(await memberLink.getAttribute('href')).toBe(`/w/${wid}/members`);
  const accountLink = row(say('accountDisconnected', { account: `@${handle}`, network: 'Bluesky' })).getByRole('link', { name: `@${handle}` });
  expect(await accountLink.getAttribute('href')).toBe(`/w/${wid}/settings/accounts`);
  await expectNoCodes(page, AUDIT_ACTIONS);
  expect(await page.evaluate(() => document.body.innerText.includes('\u202E'))).toBe(false);
  await screenshots(page, `audit-${lang}`);

  await me.goTo('jobs');
  const jobs = page.getByRole('table');
  await jobs.getByRole('rowheader', { name: t('jobs.types.postPublish') }).first().waitFor();
  const publishRow = jobs.getByRole('row').filter({ hasText: t('jobs.statuses.succeeded') }).first();
  expect(await publishRow.getByRole('link', { name: t('jobs.types.postPublish') }).getAttribute('href')).toMatch(new RegExp(`^/w/${wid}/calendar/posts/`));
  await expectNoCodes(page, [POST_PUBLISH, POST_PUBLISH.toUpperCase(), 'queued', 'succeeded']);
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/·\s*·|^\s*·|·\s*$/m);
  await screenshots(page, `jobs-${lang}`);

  // The file name with an override reads as what it is, where the post shows its images.
  await page.goto(`/w/${wid}/calendar/posts/${held.id}`);
  await me.heading(t('post.title')).waitFor();
  await page.getByText(t('composer.altFor', { name: 'invoice-⟮U+202E⟯gnp.exe' })).waitFor();
  const raw = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.includes('\u202E'))).map((el) => el.outerHTML.slice(0, 300)));
  expect(raw).toEqual([]);
  await context.close();
}

async function expectNoCodes(page: Page, codes: readonly string[]) {
  const text = await page.locator('main').innerText();
  for (const code of codes) expect(text, code).not.toContain(code);
}

async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/${name}-desktop.png`, fullPage: true });
  const rows = await page.getByRole('row').count();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/${name}-mobile.png`, fullPage: true });
  // On a phone each row is a block of its own, and still a row of the table to assistive technology.
  expect(await page.getByRole('row').count()).toBe(rows);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}
