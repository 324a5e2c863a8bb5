/**
 * Approval and crisis from the browser: a strategist must approve, does so from their own browser, the owner
 * publishes at once; then the crisis switch holds a post past its time and resuming decides its fate.
 * The network is the in-memory test network (see test/helpers/local-network.ts).
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, newVisitor } from './harness.js';
import { ui } from './helpers.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount } from '../helpers/publishing.js';

const TIMEOUT = 120_000;

describe('approvals and the crisis switch', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('waits for the strategist, publishes now, pauses and resumes with an overdue post', async () => {
    const owner = await newVisitor(suite.browser, suite.server, 'en-US');
    const page = owner.page;
    const me = ui(page, 'en');
    await me.setupOwner({ name: 'Olga Owner', email: 'olga@example.com', password: 'olga password 1', workspace: 'Hive' });
    const wid = me.workspaceId();
    const session = await me.api('GET', '/session');
    const accountId = await connectLocalAccount(suite.server, wid, session.user.id, 'brand.local');

    // One approval step: a strategist.
    await me.goTo('settings');
    await page.getByRole('link', { name: 'Publishing settings', exact: true }).click();
    await me.heading('Publishing settings').waitFor();
    await page.getByText('No approval: posts go on the calendar as soon as they are submitted.').waitFor();
    await me.button('Add a step').click();
    await page.getByRole('group', { name: 'Step 1' }).getByRole('checkbox', { name: 'Social media strategist' }).check();
    await me.button('Save the approval steps').click();
    await me.expectStatus('Posts now need 1 approval step.');

    await me.goTo('members');
    const link = await me.invite('sam@example.com', 'strategist');
    const strategist = await newVisitor(suite.browser, suite.server, 'en-US');
    const sam = ui(strategist.page, 'en');
    await strategist.page.goto(new URL(link).pathname);
    await sam.acceptInvitation('Sam Strategist', 'sam password 12');
    await sam.heading('Hive').waitFor();

    // The owner writes; the post waits for the strategist, and the owner cannot approve it.
    await me.newPost();
    await me.pickAccounts('brand.local');
    await me.writeMessage('Needs a strategist first');
    expect(await me.button('Publish now').count()).toBe(0);
    await me.button('Submit for approval').click();
    await me.heading('Post').waitFor();
    await me.expectPostStatus('in_review');
    await page.getByText('Waiting at step 1: 1 approval missing.').waitFor();
    expect(await me.button('Approve').count()).toBe(0);
    const postUrl = new URL(page.url()).pathname;

    // The strategist finds it among the posts to approve, and approves with a comment.
    await sam.goTo('calendar');
    await strategist.page.getByRole('link', { name: 'Posts to approve', exact: true }).click();
    await sam.heading('Posts to approve').waitFor();
    await strategist.page.getByText('Your turn').waitFor();
    await strategist.page.getByRole('link', { name: 'Needs a strategist first' }).click();
    await sam.heading('Post').waitFor();
    await strategist.page.getByLabel('Comment', { exact: true }).fill('Lovely, ship it');
    await sam.button('Approve').click();
    await sam.expectStatus('You approved the post.');
    await sam.expectPostStatus('approved');

    // Back to the owner: now it may go out at once.
    await page.goto(postUrl);
    await me.expectPostStatus('approved');
    await page.getByText('Sam Strategist approved').waitFor();
    await page.getByText('Lovely, ship it').waitFor();
    await me.button('Publish now').click();
    await me.expectPostStatus('published');
    await page.getByRole('link', { name: 'See it on Bluesky' }).waitFor();
    expect(network.published('brand.local').map((p) => p.text)).toContain('Needs a strategist first');

    // Crisis: pause everything (after a confirmation), then a post's time passes while paused.
    await me.goTo('calendar');
    await me.button('Pause all publishing').click();
    const confirm = page.getByRole('dialog', { name: 'Pause all publishing' });
    await confirm.getByRole('button', { name: 'Pause all publishing' }).click();
    await me.expectStatus('Publishing is paused.');
    await page.locator('.crisis-banner').getByText('Publishing is paused.').waitFor();
    await me.api('PATCH', `/workspaces/${wid}/publishing`, { approvalSteps: [] });
    const late = await me.api('POST', `/workspaces/${wid}/posts`, {
      body: 'Held during the crisis', accountIds: [accountId], scheduledAt: new Date(Date.now() + 4000).toISOString(),
    });
    await me.api('POST', `/workspaces/${wid}/posts/${late.id}/submit`);
    await expect.poll(async () => (await me.api('GET', `/workspaces/${wid}/publishing`)).overdue.length, { timeout: 30_000 }).toBe(1);
    expect(network.published().map((p) => p.text)).not.toContain('Held during the crisis');

    await page.reload();
    await page.getByText('1 post has passed its time.').waitFor();
    await me.button('Resume publishing…').click();
    const resume = page.getByRole('dialog', { name: 'Resume publishing' });
    await resume.getByText('Held during the crisis', { exact: true }).waitFor();
    await resume.getByLabel('What to do with “Held during the crisis”').selectOption({ label: 'Publish now' });
    await resume.getByRole('button', { name: 'Resume publishing', exact: true }).click();
    await me.expectStatus('Publishing resumed.');
    expect(await page.locator('.crisis-banner').count()).toBe(0);
    await expect.poll(async () => (await me.api('GET', `/workspaces/${wid}/posts/${late.id}`)).status, { timeout: 30_000 }).toBe('published');

    await owner.context.close();
    await strategist.context.close();
  }, TIMEOUT);
});
