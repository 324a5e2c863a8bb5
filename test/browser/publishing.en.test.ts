/**
 * Publishing from the browser, in English: accounts of an in-memory test network (a real network needs real
 * credentials), the composer with a variant and an image, the calendar with drag and drop, and a failed post
 * tried again. Approvals and the crisis switch are in publishing.flow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import sharp from 'sharp';
import { browserSuite, newVisitor } from './harness.js';
import { typeWhen, typedDay, ui } from './helpers.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount } from '../helpers/publishing.js';

const TIMEOUT = 120_000;
const ZONE = 'Europe/Paris';

describe('publishing (English)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('composes with a variant and an image, plans it, moves it in the calendar, and retries a failure', async () => {
    const owner = await newVisitor(suite.browser, suite.server, 'en-US');
    const page = owner.page;
    const me = ui(page, 'en');
    await me.setupOwner({ name: 'Olga Owner', email: 'olga@example.com', password: 'olga password 1', workspace: 'Hive' });
    const wid = me.workspaceId();
    const session = await me.api('GET', '/session');
    await me.api('PATCH', `/workspaces/${wid}`, { timezone: ZONE });
    await connectLocalAccount(suite.server, wid, session.user.id, 'brand.local');
    await connectLocalAccount(suite.server, wid, session.user.id, 'quebec.local');

    // Settings → Accounts: health table, and the second account's own time zone and a queue slot.
    await me.goTo('settings');
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await me.heading('Accounts').waitFor();
    await page.getByRole('row').filter({ hasText: '@brand.local' }).getByText('Connected').waitFor();
    const quebec = page.getByRole('region', { name: 'Time zone and queue of @quebec.local' });
    await quebec.getByRole('combobox', { name: 'Time zone of the account’s audience' }).fill('Toronto');
    await quebec.getByRole('option', { name: /^America\/Toronto UTC/ }).click();
    await quebec.getByRole('button', { name: 'Add a slot' }).click();
    // The field shows times on the 24-hour clock; a time typed the English way is understood too.
    await quebec.getByLabel('Time of slot 1').fill('10:15 AM');
    await quebec.getByRole('button', { name: 'Save for @quebec.local' }).click();
    await me.expectStatus('The time zone and queue of @quebec.local were saved.');

    // A campaign colours the days it covers, and posts can belong to it.
    await me.goTo('settings');
    await page.getByRole('link', { name: 'Publishing settings', exact: true }).click();
    await me.heading('Publishing settings').waitFor();
    const today = DateTime.now().setZone(ZONE);
    await page.getByLabel('Campaign name', { exact: true }).fill('Spring campaign');
    await page.getByLabel('Key hashtags', { exact: true }).fill('#hive spring');
    await page.getByLabel('First day', { exact: true }).fill(typedDay('en', today));
    await page.getByLabel('Last day', { exact: true }).fill(typedDay('en', today.plus({ days: 3 })));
    await me.button('Create the campaign').click();
    await me.expectStatus('The campaign Spring campaign was created.');

    // The composer: counters per network, a variant for one account, an image with its alt text.
    await me.newPost();
    await me.pickAccounts('brand.local', 'quebec.local');
    await me.writeMessage('x'.repeat(301));
    await page.locator('.counter-over').filter({ hasText: 'Bluesky: 301 / 300' }).getByText('1 character too many').waitFor();
    await me.writeMessage('Spring launch! #hive https://example.com with @friend.bsky.social');
    await me.counter('Bluesky').getByText('Bluesky: 65 / 300').waitFor();
    expect(await page.locator('.counter-over').count()).toBe(0);
    await page.getByRole('tab', { name: /@quebec\.local/ }).click();
    await page.getByRole('checkbox', { name: 'Use the main text' }).uncheck();
    await page.getByLabel('Text for @quebec.local', { exact: true }).fill('Printemps au Québec! #hive');
    // Its tab says it has its own text in words too, not by a pencil glyph alone.
    await page.getByRole('tab', { name: /@quebec\.local .*\(own text\)/ }).waitFor();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f2b233' } }).png().toBuffer();
    await page.getByLabel('Choose an image').setInputFiles({ name: 'hive.png', mimeType: 'image/png', buffer: png });
    await me.button('Add the image').click();
    await me.expectAlert('Describe the image (alt text) before adding it.');
    await page.getByLabel(/^Alt text/).fill('A honey-coloured square');
    await me.button('Add the image').click();
    await me.expectStatus('hive.png was added.');
    await page.locator('.media-list img[alt="A honey-coloured square"]').waitFor();
    // Previews show the variant on its account, hashtags highlighted as text.
    await page.getByRole('figure', { name: 'Bluesky preview, @quebec.local' }).getByText('Printemps au Québec!').waitFor();
    expect(await page.locator('.preview .rich-hashtag').first().textContent()).toBe('#hive');

    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Spring campaign' });
    const planned = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 9, minute: 30, second: 0, millisecond: 0 });
    await typeWhen(page, 'en', `Planned time (${ZONE})`, planned);
    await page.getByText(/\(Paris time\) · \w+ 03:30 \(Toronto time\)/).waitFor();
    await me.button('Schedule').click();
    await me.heading('Post').waitFor();
    await me.expectPostStatus('scheduled');
    const postId = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await me.api('GET', `/workspaces/${wid}/posts/${postId}`);
    expect(saved.status).toBe('scheduled');
    expect(Date.parse(saved.scheduledAt)).toBe(planned.toMillis());
    expect(saved.media[0].alt).toBe('A honey-coloured square');
    expect(saved.targets.find((t: { handle: string }) => t.handle === 'quebec.local').body).toBe('Printemps au Québec! #hive');

    // The calendar's month view has it; dragging it to the next day keeps its time of day.
    await me.goTo('calendar');
    await page.getByText('Times are on the workspace’s clock: Paris time.').waitFor();
    const event = me.calendarPost('Spring launch!');
    await event.getByText('Scheduled').waitFor();
    await page.locator('.campaign-legend').getByText('Spring campaign').waitFor();
    expect(await page.locator('.fc-bg-event.campaign-band').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Draft' });
    await expect.poll(() => me.calendarPost('Spring launch!').count()).toBe(0);
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Spring campaign' });
    await me.button('Clear the filters').click();
    await event.waitFor();
    const target = planned.plus({ days: 1 });
    // Both ends of the drag must be on screen: mouse coordinates are the viewport's.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await event.scrollIntoViewIfNeeded();
    const from = (await event.boundingBox())!;
    const to = (await page.locator(`.fc-daygrid-day[data-date="${target.toISODate()}"]`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await page.mouse.up();
    await me.expectStatus('moved to');
    await expect.poll(async () => Date.parse((await me.api('GET', `/workspaces/${wid}/posts/${postId}`)).scheduledAt)).toBe(target.toMillis());

    // The same without dragging: the planned time field on the post's page.
    await event.click();
    await me.heading('Post').waitFor();
    const later = target.set({ hour: 18, minute: 45 });
    await typeWhen(page, 'en', `Planned time (${ZONE})`, later);
    await me.button('Save changes').click();
    await expect.poll(async () => Date.parse((await me.api('GET', `/workspaces/${wid}/posts/${postId}`)).scheduledAt)).toBe(later.toMillis());
    await page.getByRole('list').getByText('Olga Owner scheduled it').first().waitFor();

    // A post the network refuses shows the network's words, and Retry sends it again.
    network.failNext('rejected', 'Slow down, the moderators said no');
    await me.newPost();
    await me.pickAccounts('brand.local');
    await me.writeMessage('A post that fails first');
    await me.button('Publish now').click();
    await me.heading('Post').waitFor();
    await me.expectPostStatus('failed');
    await page.getByRole('region', { name: 'Accounts' }).getByText('Slow down, the moderators said no').waitFor();
    await me.button('Retry').click();
    await me.expectPostStatus('published');
    await page.getByRole('link', { name: 'See it on Bluesky' }).waitFor();
    expect(network.published('brand.local').map((p) => p.text)).toContain('A post that fails first');

    await owner.context.close();
  }, TIMEOUT);
});
