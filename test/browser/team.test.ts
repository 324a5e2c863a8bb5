/**
 * Team management as a keyboard user would do it: the workspace menu by keyboard, revoking an
 * invitation and removing a member, each behind a confirmation that can be cancelled.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, newVisitor, startServer } from './harness.js';
import { ui } from './helpers.js';

const TIMEOUT = 120_000;

describe('team management', () => {
  const suite = browserSuite(() => startServer(), TIMEOUT);

  it('works from the keyboard and asks before removing anyone', async () => {
    const owner = await newVisitor(suite.browser, suite.server, 'en-US');
    const me = ui(owner.page, 'en');
    const page = owner.page;
    await me.setupOwner({ name: 'Olga Owner', email: 'olga@example.com', password: 'olga password 1', workspace: 'Hive One' });

    // The workspace menu opens with the arrow key, lands on the current workspace, and Escape gives focus back.
    await me.switcher('Hive One').focus();
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => [document.activeElement?.getAttribute('role'), document.activeElement?.textContent]);
    await expect.poll(focused).toEqual(['menuitemradio', 'Hive One']);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toEqual(['menuitem', 'New workspace']);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await me.switcher('Hive One').evaluate((el) => el === document.activeElement)).toBe(true);

    await me.goTo('members');
    const revokedLink = await me.invite('gone@example.com', 'analyst');
    const keptLink = await me.invite('kept@example.com', 'client');

    // Revoke: cancel first, then confirm; the revoked link stops working.
    await me.button('Revoke the invitation for gone@example.com').click();
    const dialog = page.getByRole('dialog', { name: 'Revoke an invitation' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.count()).toBe(0);
    await me.button('Revoke the invitation for gone@example.com').click();
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await me.expectStatus('The invitation for gone@example.com was revoked.');
    await expect.poll(() => page.getByRole('cell', { name: 'gone@example.com', exact: true }).count()).toBe(0);

    const guest = await newVisitor(suite.browser, suite.server, 'en-US');
    const them = ui(guest.page, 'en');
    await guest.page.goto(new URL(revokedLink).pathname);
    await them.heading('Invitation not found').waitFor();
    // The page cannot say whether kept@example.com has an account: a password alone asks for the name next.
    await guest.page.goto(new URL(keptLink).pathname);
    await guest.page.getByLabel('Password', { exact: true }).fill('kim password 12');
    await them.button('Join the workspace').click();
    await guest.page.getByText('No account uses kept@example.com yet').waitFor();
    await guest.page.getByLabel('Your name', { exact: true }).fill('Kim Client');
    await them.button('Create my account and join').click();
    await them.heading('Hive One').waitFor();
    // A client has no members area at all.
    const nav = guest.page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Members' }).count()).toBe(0);

    await page.reload();
    await me.memberRow('Kim Client').waitFor();
    await me.button('Remove Kim Client').click();
    const removal = page.getByRole('dialog', { name: 'Remove a member' });
    await removal.getByText('Remove Kim Client from Hive One?', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    expect(await removal.count()).toBe(0);
    await me.button('Remove Kim Client').click();
    await removal.getByRole('button', { name: 'Remove', exact: true }).click();
    await me.expectStatus('Kim Client was removed.');
    await expect.poll(() => me.memberRow('Kim Client').count()).toBe(0);

    // Kim's open page finds out on the next request.
    await guest.page.reload();
    await them.heading('Page not found').waitFor();

    // Invited again, Kim already has an account: joining while signed in takes one click…
    await page.reload();
    const again = await me.invite('kept@example.com', 'analyst');
    await guest.page.goto(new URL(again).pathname);
    await guest.page.getByText('You are signed in as kept@example.com.').waitFor();
    await them.button('Join the workspace').click();
    await them.heading('Hive One').waitFor();

    // …and from a signed-out browser, the account's password does it.
    await me.createWorkspace('Hive One', 'Hive Two');
    await me.goTo('members');
    const third = await me.invite('kept@example.com', 'client');
    const elsewhere = await newVisitor(suite.browser, suite.server, 'en-US');
    const kim = ui(elsewhere.page, 'en');
    await elsewhere.page.goto(new URL(third).pathname);
    await elsewhere.page.getByLabel('Password', { exact: true }).fill('not kim password');
    await kim.button('Join the workspace').click();
    await elsewhere.page.getByText('An account already exists for kept@example.com').waitFor();
    await elsewhere.page.getByText('This is not the password of the account for kept@example.com.').waitFor();
    await elsewhere.page.getByLabel('Password', { exact: true }).fill('kim password 12');
    await kim.button('Sign in and join').click();
    await kim.heading('Hive Two').waitFor();

    await owner.context.close();
    await guest.context.close();
    await elsewhere.context.close();
  }, TIMEOUT);
});
