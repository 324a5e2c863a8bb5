/**
 * The foundation, in English, through the browser: first owner, sign-out and sign-in, workspaces,
 * an invitation accepted in a second browser, a role change, the audit log and a password change.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, newVisitor, startServer } from './harness.js';
import { consoleErrors, ui } from './helpers.js';

const TIMEOUT = 120_000;

describe('the web app in English', () => {
  const suite = browserSuite(() => startServer(), TIMEOUT);

  it('runs the foundation from the first owner to a password change', async () => {
    // A browser in Toronto: the first workspace reads times on its owner's clock, not on a default one.
    const owner = await newVisitor(suite.browser, suite.server, 'en-US', 'America/Toronto');
    const me = ui(owner.page, 'en');
    const alice = { name: 'Alice Owner', email: 'alice@example.com', password: 'first password 1', workspace: 'Honey Co' };

    const errors = consoleErrors(owner.page);
    await me.setupOwner(alice);
    expect(await me.htmlLang()).toBe('en');
    await me.expectPage('Honey Co');
    expect((await me.api('GET', `/workspaces/${me.workspaceId()}`)).timezone).toBe('America/Toronto');

    await me.signOut(alice.name);
    // A signed-out visitor's page asks whether it is signed in without a failed request in the console.
    await owner.page.reload();
    await me.heading(me.t('signin.title')).waitFor();
    expect(errors).toEqual([]);
    // Empty fields are told in plain words, not as the server's invalid input.
    await me.button(me.t('signin.submit')).click();
    await me.expectAlert('Write the e-mail address of your account.');
    await me.signIn(alice.email, 'not the password');
    await me.expectAlert(me.t('errors.invalid_credentials'));
    await me.signIn(alice.email, alice.password);
    await me.heading('Honey Co').waitFor();

    // A workspace without a name is told so in the app, not by the browser.
    await me.button(me.t('switcher.label', { name: 'Honey Co' })).click();
    await owner.page.getByRole('menuitem', { name: me.t('switcher.new'), exact: true }).click();
    await me.button(me.t('newWorkspace.submit')).click();
    await me.expectAlert('Give the workspace a name: usually the brand’s or the client’s.');
    await me.createWorkspace('Honey Co', 'Second Brand');
    await me.switcher('Second Brand').waitFor();
    await me.switchWorkspace('Second Brand', 'Honey Co');
    const honeyUrl = owner.page.url();
    expect(honeyUrl).toMatch(/\/w\/[^/]+$/);
    // The last workspace is remembered: the start page opens it again.
    await owner.page.goto('/');
    await me.heading('Honey Co').waitFor();
    expect(owner.page.url()).toBe(honeyUrl);

    await me.goTo('members');
    await me.expectPage('Members');
    const link = await me.invite('bob@example.com', 'content_creator');
    expect(link).toMatch(/\/invite\/[\w-]+$/);
    await owner.page.getByRole('cell', { name: 'bob@example.com', exact: true }).waitFor();

    // Bob opens the link in his own browser; his name is hostile on purpose and must stay text.
    const bobName = 'Bob <b>Bee</b>';
    const invitee = await newVisitor(suite.browser, suite.server, 'en-GB');
    const bob = ui(invitee.page, 'en');
    await invitee.page.goto(new URL(link).pathname);
    await bob.heading('Join Honey Co').waitFor();
    await bob.acceptInvitation(bobName, 'bob password 12');
    await bob.heading('Honey Co').waitFor();
    expect(await invitee.page.locator('b', { hasText: 'Bee' }).count()).toBe(0);
    // A content creator sees no audit log.
    const bobNav = invitee.page.getByRole('navigation', { name: bob.t('nav.label') });
    expect(await bobNav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    await owner.page.reload();
    await me.heading('Members').waitFor();
    await me.memberRow(bobName).waitFor();
    await me.changeRole(bobName, 'community_manager');
    expect(await owner.page.getByLabel(`Role of ${bobName}`, { exact: true }).inputValue()).toBe('community_manager');
    await owner.page.getByRole('heading', { name: 'Pending invitations' }).waitFor();
    expect(await owner.page.getByText('No invitation is waiting.').count()).toBe(1);

    await me.goTo('audit');
    await me.expectPage('Audit log');
    for (const sentence of [
      'Alice Owner invited bob@example.com as Content creator',
      `${bobName} accepted an invitation and joined as Content creator`,
      `Alice Owner changed ${bobName}’s role from Content creator to Community manager`,
    ]) {
      await owner.page.getByRole('cell', { name: sentence }).first().waitFor();
    }

    // Every area of the sidebar is built now: Analytics opens its dashboard, not a page about what is to come.
    await me.goTo('analytics');
    await owner.page.getByRole('group', { name: 'Period' }).waitFor();
    expect(await owner.page.getByText('Not yet available', { exact: true }).count()).toBe(0);
    await me.goTo('jobs');
    await me.expectPage('Background work');

    await me.goToAccount(alice.name);
    // The current password left out is asked for in words, not by the browser.
    await me.button(me.t('account.submit')).click();
    await me.expectAlert('Write your current password first.');
    await me.changePassword(alice.password, 'second password 2');
    await me.signOut(alice.name);
    await me.signIn(alice.email, alice.password);
    await me.expectAlert(me.t('errors.invalid_credentials'));
    await me.signIn(alice.email, 'second password 2');
    await me.heading('Honey Co').waitFor();

    await owner.context.close();
    await invitee.context.close();
  }, TIMEOUT);
});
