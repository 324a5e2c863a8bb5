/**
 * The composer, driven as a person would in either language: the language it detects, an emoji inserted at the
 * caret from the keyboard, a campaign's UTM tags shown on a link, a file field in the app's language that takes a
 * dropped file, an image taken from the media library, an
 * error brought to the reader, "add to queue" on a draft, and the post's page after a reload. Screenshots of
 * the composer and the post's page at desktop and phone widths go to /tmp. The network is the in-memory one.
 */
import { expect } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { typeWhen, ui, type Lang } from './helpers.js';
import { DateTime } from 'luxon';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';

export interface ComposerTexts {
  owner: string;
  workspace: string;
  campaign: string;
  /** A message in the page's language, with a link. */
  message: string;
  /** What the language hint says once detected. */
  detected: string;
  /** A word the emoji search finds the bee with. */
  beeSearch: string;
  image: { file: string; alt: string; search: string };
}

const ZONE = 'Europe/Paris';

export async function composerFlow(browser: Browser, server: TestRuche & Server, lang: Lang, x: ComposerTexts) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  const exact = { exact: true } as const;
  await page.setViewportSize({ width: 1280, height: 900 });
  await me.setupOwner({ name: x.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: x.workspace });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  await me.api('PATCH', `/workspaces/${wid}`, { timezone: ZONE });
  const handle = `brand-${lang}.local`;
  const accountId = await connectLocalAccount(server, wid, session.user.id, handle);
  await me.api('PATCH', `/workspaces/${wid}/accounts/${accountId}`, { slots: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: 10 * 60 })) });
  // An image uploaded earlier, for the media library.
  const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#f2b233' } }).png().toBuffer();
  await page.evaluate(
    async ([path, bytes]) => {
      await fetch(path, { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Ruche-CSRF': '1' }, body: new Uint8Array(bytes) });
    },
    [`/api/v1/workspaces/${wid}/media?fileName=${encodeURIComponent(x.image.file)}&alt=${encodeURIComponent(x.image.alt)}`, [...png]] as const,
  );

  // A campaign that tags its links, set up where campaigns are edited.
  await me.goTo('settings');
  await page.getByRole('link', { name: t('publishingSettings.title'), ...exact }).click();
  await me.heading(t('publishingSettings.title')).waitFor();
  // Without a name, the form says so beside its button, in the app's language.
  await me.button(t('campaigns.create')).click();
  await me.expectAlert(t('campaigns.nameNeeded'));
  await page.getByLabel(t('campaigns.name'), exact).fill(x.campaign);
  await page.getByRole('checkbox', { name: t('campaigns.utmEnabled') }).check();
  await page.getByLabel(t('campaigns.utmCampaign'), exact).fill('spring-25');
  await me.button(t('campaigns.create')).click();
  await me.expectStatus(t('campaigns.created', { name: x.campaign }));
  await page.getByText(t('campaigns.utmOn')).waitFor();

  await me.newPost();
  await me.pickAccounts(handle);
  await me.writeMessage(x.message);
  // The language it will go out in, found from the text.
  await page.getByText(x.detected, exact).waitFor();

  // An emoji at the caret (the start of the message), chosen with the keyboard only.
  const body = page.getByLabel(t('composer.body'), exact);
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  const emojiButton = me.button(t('composer.emoji'));
  // Drawn, not typed: an emoji glyph is an empty box on a machine without an emoji font (Debian's headless chromium).
  expect(await emojiButton.locator('svg').count()).toBe(1);
  for (const label of await page.getByRole('button').allTextContents()) expect(label).not.toMatch(/\p{Emoji_Presentation}/u);
  await emojiButton.focus();
  await page.keyboard.press('Enter');
  const search = page.getByRole('searchbox', { name: t('composer.emojiLabels.searchLabel') }).or(page.getByLabel(t('composer.emojiLabels.searchLabel'), exact));
  await search.first().waitFor();
  await expect.poll(() => search.first().evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type(x.beeSearch);
  // Enter in the search box takes the first emoji found.
  await page.getByRole('gridcell', { name: /bee|abeille/i }).first().waitFor();
  await page.locator('.emoji-panel').screenshot({ path: `/tmp/composer-emoji-${lang}.png` });
  await page.keyboard.press('Enter');
  await expect.poll(() => body.inputValue()).toBe(`🐝${x.message}`);
  expect(await body.evaluate((el: HTMLTextAreaElement) => [document.activeElement === el, el.selectionStart])).toEqual([true, '🐝'.length]);

  // The campaign's UTM tags, shown on the link as it will go out.
  await page.getByLabel(t('composer.campaign'), exact).selectOption({ label: x.campaign });
  const links = page.getByRole('region', { name: t('composer.links') });
  await links.getByText('https://shop.example/ruche?utm_source=bluesky&utm_medium=social&utm_campaign=spring-25').waitFor();

  // The file field speaks the app's language (a button, and no file chosen yet), the browser's own field hidden yet
  // reached from the keyboard; a file dropped on it is chosen as one picked.
  const chooser = page.getByLabel(t('composer.chooseImage'), exact);
  const picker = page.locator('.file-picker').filter({ has: chooser });
  await picker.getByText(t('common.noFile'), exact).waitFor();
  expect((await chooser.boundingBox())!.width).toBeLessThanOrEqual(1);
  await chooser.focus();
  expect(await chooser.evaluate((el) => el === document.activeElement)).toBe(true);
  const dropped = await page.evaluateHandle((bytes) => {
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
    return files;
  }, [...png]);
  await picker.dispatchEvent('dragover', { dataTransfer: dropped });
  await picker.dispatchEvent('drop', { dataTransfer: dropped });
  await picker.getByText('dropped.png', exact).waitFor();
  await page.getByLabel(t('composer.alt')).fill('Dropped square');
  await me.button(t('composer.addImage')).click();
  await page.locator('.media-list img[alt="Dropped square"]').waitFor();
  await picker.getByText(t('common.noFile'), exact).waitFor();

  // An image from the workspace's earlier uploads, found by its file name.
  await me.button(t('composer.libraryOpen')).click();
  const library = page.getByRole('region', { name: t('composer.library') });
  await library.getByLabel(t('composer.librarySearch'), exact).fill(x.image.search);
  await library.getByText(x.image.alt).waitFor();
  await library.getByRole('button', { name: t('composer.libraryUse', { name: x.image.file }) }).click();
  await me.expectStatus(t('composer.libraryAdded', { name: x.image.file }));
  await page.locator(`.media-list img[alt="${x.image.alt}"]`).waitFor();
  await library.locator('li').filter({ hasText: x.image.alt }).getByText(t('composer.libraryInPost')).waitFor();
  await me.button(t('composer.libraryClose')).click();
  // The alt text box shows what is typed, with its length.
  const alt = page.getByLabel(t('composer.altFor', { name: x.image.file }), exact);
  expect(await alt.evaluate((el: HTMLTextAreaElement) => el.rows)).toBeGreaterThanOrEqual(4);
  await page.getByText(t('composer.altCount_other', { count: [...x.image.alt].length })).waitFor();

  await shoot(page, `composer-${lang}`);

  // An error after pressing a button at the bottom: it comes into view, holds the focus, and is read out.
  await page.getByRole('group', { name: t('composer.accounts') }).getByRole('checkbox').uncheck();
  await page.setViewportSize({ width: 1280, height: 600 });
  await me.button(t('composer.addToQueue')).scrollIntoViewIfNeeded();
  await me.button(t('composer.addToQueue')).click();
  const error = page.getByRole('alert').filter({ hasText: t('composer.pickAccount') });
  await error.waitFor();
  await expect.poll(() => error.evaluate((el) => el === document.activeElement)).toBe(true);
  const box = (await error.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(600);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Add to queue on a draft: it takes the account's next free slot.
  await me.pickAccounts(handle);
  await me.button(t('composer.saveDraft')).click();
  await me.heading(t('post.title')).waitFor();
  await me.expectPostStatus('draft');
  await me.button(t('composer.addToQueue')).click();
  await me.expectPostStatus('scheduled');
  const postId = new URL(page.url()).pathname.split('/').pop()!;
  const queued = await me.api('GET', `/workspaces/${wid}/posts/${postId}`);
  expect(new Date(queued.scheduledAt).toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' })).toBe('10:00');
  const queuedText = t('composer.queuedFor', { date: '§' }).split('§')[0];
  await page.getByRole('status').filter({ hasText: queuedText }).first().waitFor();
  await page.getByText(x.detected, exact).waitFor();
  await shoot(page, `post-${lang}`);

  // After a reload the page says where the post stands, not what was done before.
  await page.reload();
  await me.heading(t('post.title')).waitFor();
  await me.expectPostStatus('scheduled');
  expect(await page.getByRole('status').filter({ hasText: queuedText }).count()).toBe(0);

  // Without approval steps, a post nobody had to approve is ready, not approved.
  const ready = await me.api('POST', `/workspaces/${wid}/posts`, { body: 'Ready to go', accountIds: [accountId] });
  await me.api('POST', `/workspaces/${wid}/posts/${ready.id}/submit`);
  await page.goto(new URL(page.url()).pathname.replace(postId, ready.id));
  await me.heading(t('post.title')).waitFor();
  await page.locator('.page-header .post-tag').filter({ hasText: t('postStatus.ready') }).waitFor();

  // A time gone by is said while it is typed, and after Schedule the post is said ready but waiting for a new time.
  await me.newPost();
  await me.pickAccounts(handle);
  await me.writeMessage(lang === 'fr' ? 'Souvenir du premier jour' : 'Remember the first day');
  const planned = t('composer.plannedAt', { zone: ZONE });
  const yesterday = DateTime.now().setZone(ZONE).minus({ days: 1 }).set({ hour: 10, minute: 0 });
  expect(await page.getByText(t('composer.timePassed'), exact).count()).toBe(0);
  await typeWhen(page, lang, planned, yesterday);
  await page.getByRole('status').getByText(t('composer.timePassed'), exact).waitFor();
  expect(await page.getByLabel(planned, exact).getAttribute('aria-invalid')).toBe('true');
  await me.button(t('composer.schedule')).click();
  await me.heading(t('post.title')).waitFor();
  const waiting = t('composer.readyTimePassed', { date: '§' }).split('§')[0];
  await page.getByRole('status').filter({ hasText: waiting }).first().waitFor();

  await context.close();
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `/tmp/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/${name}-mobile.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}
