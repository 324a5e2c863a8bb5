/**
 * What a client sees, in either language: the team's pages and settings are not theirs, drafts in progress and
 * the team's internal comments stay with the team until the workspace settings open them, and a post sent for
 * approval is theirs to read, discuss and approve. The network is the in-memory test network.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';

interface Names {
  owner: string;
  client: string;
  workspace: string;
  draft: string;
  inReview: string;
  internal: string;
  shared: string;
  reply: string;
}

const exact = { exact: true } as const;

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'mobile']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/${name}-${tag}-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

export async function clientViewFlow(browser: Browser, server: TestRuche & Server, lang: Lang, names: Names) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const team = await newVisitor(browser, server, locale);
  await team.page.setViewportSize({ width: 1366, height: 900 });
  const owner = ui(team.page, lang);
  const t = owner.t;
  await owner.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = owner.workspaceId();
  const session = await owner.api('GET', '/session');
  const account = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.local`);
  await owner.api('PATCH', `/workspaces/${wid}/publishing`, { approvalSteps: [{ roles: ['client'], count: 1 }] });
  const draft = await owner.api('POST', `/workspaces/${wid}/posts`, { body: names.draft, accountIds: [account] });
  const ready = await owner.api('POST', `/workspaces/${wid}/posts`, { body: names.inReview, accountIds: [account] });
  expect((await owner.api('POST', `/workspaces/${wid}/posts/${ready.id}/submit`)).status).toBe('in_review');
  const invitation = await owner.api('POST', `/workspaces/${wid}/invitations`, { email: `client-${lang}@example.com`, role: 'client' });

  // The owner comments on both posts from their pages: once for the team only, once ticked visible to the client.
  for (const id of [draft.id, ready.id]) {
    await team.page.goto(`/w/${wid}/calendar/posts/${id}`);
    const box = team.page.getByLabel(t('post.comment'), exact);
    await box.fill(names.internal);
    await team.page.getByText(t('post.internalHint')).waitFor();
    await owner.button(t('post.addComment')).click();
    await owner.expectStatus(t('post.commented'));
    await box.fill(names.shared);
    await team.page.getByLabel(t('post.visibleToClient'), exact).check();
    await team.page.getByText(t('post.visibleHint')).waitFor();
    await owner.button(t('post.addComment')).click();
    await team.page.locator('.history li').filter({ hasText: names.shared }).getByText(t('post.sharedWithClient'), exact).waitFor();
    await team.page.locator('.history li').filter({ hasText: names.internal }).getByText(t('post.internal'), exact).waitFor();
  }

  // The client joins.
  const guest = await newVisitor(browser, server, locale);
  await guest.page.setViewportSize({ width: 1366, height: 900 });
  const page = guest.page;
  const me = ui(page, lang);
  await page.goto(new URL(invitation.link).pathname);
  await me.acceptInvitation(names.client, 'client password 1');
  await me.heading(names.workspace).waitFor();

  // Only the areas a client uses: no members, audit log, background work or settings.
  const nav = page.getByRole('navigation', { name: t('nav.label') });
  await nav.getByRole('link', { name: t('areas.calendar.title'), ...exact }).waitFor();
  for (const area of ['members', 'audit', 'jobs', 'settings']) {
    expect(await nav.getByRole('link', { name: t(`areas.${area}.title`), ...exact }).count(), area).toBe(0);
  }
  await page.getByRole('link', { name: new RegExp(names.inReview) }).first().waitFor();
  await shoot(page, 'client-overview', lang);
  // Typed addresses say the page is not for this role.
  for (const path of ['settings', 'settings/workspace', 'settings/accounts', 'settings/publishing', 'members', 'audit', 'jobs']) {
    await page.goto(`/w/${wid}/${path}`);
    await me.expectTitle(t('notFound.roleTitle'));
  }
  await shoot(page, 'client-not-open', lang);

  // The calendar lists the post sent for approval, not the draft.
  await page.goto(`/w/${wid}/calendar`);
  await me.expectTitle(t('areas.calendar.title'));
  const unplanned = page.locator('.unplanned-link');
  await unplanned.filter({ hasText: names.inReview }).waitFor();
  expect(await unplanned.filter({ hasText: names.draft }).count()).toBe(0);
  // The draft's own address finds nothing.
  await page.goto(`/w/${wid}/calendar/posts/${draft.id}`);
  await page.getByText(t('errors.not_found')).first().waitFor();

  // The post in review: the comment meant for the client, not the internal one; no choice of audience.
  await page.goto(`/w/${wid}/calendar/posts/${ready.id}`);
  const history = page.locator('.history');
  await history.getByText(names.shared).waitFor();
  expect(await history.getByText(names.internal).count()).toBe(0);
  expect(await page.getByLabel(t('post.visibleToClient'), exact).count()).toBe(0);
  await page.getByLabel(t('post.comment'), exact).fill(names.reply);
  await me.button(t('post.addComment')).click();
  await history.getByText(names.reply).waitFor();
  await shoot(page, 'client-post', lang);
  await me.button(t('approvals.approve')).click();
  await me.expectStatus(t('approvals.approvedDone'));

  // The team reads the client's comment as visible to the client.
  await team.page.goto(`/w/${wid}/calendar/posts/${ready.id}`);
  await team.page.locator('.history li').filter({ hasText: names.reply }).getByText(t('post.sharedWithClient'), exact).waitFor();

  // The owner opens drafts and internal comments to clients, in the workspace settings.
  await owner.goTo('settings');
  await team.page.getByRole('link', { name: t('workspaceSettings.title'), ...exact }).click();
  await owner.expectPage(t('workspaceSettings.title'));
  await team.page.getByRole('heading', { name: t('workspaceSettings.clients'), ...exact }).waitFor();
  await team.page.getByLabel(t('workspaceSettings.clientsSeeDrafts'), exact).check();
  await team.page.getByLabel(t('workspaceSettings.clientsSeeInternalComments'), exact).check();
  await owner.button(t('workspaceSettings.clientsSave')).click();
  await owner.expectStatus(t('workspaceSettings.clientsSaved'));
  await shoot(team.page, 'client-settings', lang);
  await team.page.reload();
  expect(await team.page.getByLabel(t('workspaceSettings.clientsSeeDrafts'), exact).isChecked()).toBe(true);

  // Now the client sees the draft, and the internal comment marked as such.
  await page.goto(`/w/${wid}/calendar/posts/${draft.id}`);
  await history.getByText(names.internal).waitFor();
  await page.locator('.history li').filter({ hasText: names.internal }).getByText(t('post.internal'), exact).waitFor();
  await shoot(page, 'client-draft-open', lang);

  await team.context.close();
  await guest.context.close();
}
