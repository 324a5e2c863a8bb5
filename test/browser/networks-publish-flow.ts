/**
 * Facebook and Instagram from connection to conversation, as a community manager would in either language: a Page
 * and its Instagram account connected through the Meta Graph fake's login page (test/connectors/meta-fake.ts, an
 * HTTP fake of Graph v24.0: no Meta server can run here), a post scheduled to both with its own Instagram text and
 * a 4:5 photo, a 9:16 story scheduled beside it (Instagram takes a story as its own media, without a caption, so it
 * is its own post), both seen published on their pages and in the fake, then an Instagram comment with hostile
 * markup delivered by the fake's signed webhook, read as text in the inbox, answered and hidden from there.
 */
import { expect } from 'vitest';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { typeWhen, ui, type Lang } from './helpers.js';
import { connectThroughMeta } from './meta-connect.js';
import { jpeg } from '../connectors/meta-harness.js';
import { addIgComment } from '../connectors/meta-fake-instagram.js';
import { feedCommentPayload, igCommentPayload } from '../connectors/meta-fake-webhooks.js';
import { fbCommentAs, fbRemoveComment, fbSetHidden } from '../connectors/meta-fake-pages.js';
import type { MetaFake } from '../connectors/meta-fake.js';
import type { TestRuche } from '../helpers/ruche.js';

export interface PublishTexts {
  owner: string;
  page: string;
  /** The main text, which Facebook gets. */
  body: string;
  /** Instagram's own text, longer than 300 characters as captions often are. */
  variant: string;
  alt: string;
  storyAlt: string;
  /** A visitor's comment carrying markup that must stay text. */
  comment: string;
  reply: string;
  /** A visitor's question on the Page's post, which they then remove on Facebook. */
  removed: string;
  /** A comment a Page admin hides in Facebook itself. */
  hiddenThere: string;
}

const ZONE = 'Europe/Paris';
const SHOTS = '/tmp/shots/h15';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'mobile']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${tag}-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

export async function networksPublishFlow(browser: Browser, server: TestRuche & Server, fake: MetaFake, lang: Lang, x: PublishTexts) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  await page.setViewportSize({ width: 1366, height: 900 });
  // Hostile text that ran as markup would raise this.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const me = ui(page, lang);
  const t = me.t;
  const exact = { exact: true } as const;
  await me.setupOwner({ name: x.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: 'Hive' });
  const wid = me.workspaceId();
  await me.api('PATCH', `/workspaces/${wid}`, { timezone: ZONE });
  const { user, page: fbPage, ig } = fake.createPage(x.page, { instagram: true });
  fake.loginAs = user.id;
  // Where the App Dashboard's Webhooks product would send Meta's notifications.
  fake.webhookUrl = `${server.url}/api/v1/webhooks/meta`;

  await page.goto(`/w/${wid}/settings/accounts`);
  await me.expectTitle(t('accounts.title'));
  await connectThroughMeta(page, lang, { network: 'Facebook', choose: x.page });
  await connectThroughMeta(page, lang, { network: 'Instagram', choose: x.page });
  const accounts = (await me.api('GET', `/workspaces/${wid}/accounts`)).items as Array<{ id: string; network: string; handle: string }>;
  const igAccount = accounts.find((a) => a.network === 'instagram')!;
  expect(accounts.map((a) => a.handle).sort()).toEqual([fbPage.username, ig!.username].sort());

  // The post: the main text for Facebook, Instagram's own text, a 4:5 photo both take, a few seconds ahead.
  await me.newPost();
  await me.pickAccounts(fbPage.username, ig!.username);
  await me.writeMessage(x.body);
  await page.getByRole('tab', { name: new RegExp(`^@${escape(ig!.username)} `) }).click();
  await page.getByRole('checkbox', { name: t('composer.useMainText'), ...exact }).uncheck();
  await page.getByLabel(t('composer.variantFor', { handle: ig!.username }), exact).fill(x.variant);
  // A caption longer than a Bluesky post, counted against Instagram's own 2,200.
  expect([...new Intl.Segmenter().segment(x.variant)].length).toBeGreaterThan(300);
  await page.locator('.variants .counter').filter({ hasText: '/ 2200' }).waitFor();
  expect(await page.getByLabel(t('composer.options.format'), exact).inputValue()).toBe('feed');
  await attach(page, lang, 'harvest.jpg', await jpeg(1080, 1350), x.alt);
  await plan(page, lang, 20);
  await shoot(page, 'composer-post', lang);
  await me.button(t('composer.schedule')).click();
  await me.heading(t('post.title')).waitFor();
  const postPath = new URL(page.url()).pathname;

  // The story: Instagram only, format story, a 9:16 photo, a few seconds ahead too.
  await me.newPost();
  await me.pickAccounts(ig!.username);
  await page.getByLabel(t('composer.options.format'), exact).selectOption({ label: t('composer.options.formats.story') });
  await attach(page, lang, 'story.jpg', await jpeg(1080, 1920), x.storyAlt);
  await plan(page, lang, 20);
  await shoot(page, 'composer-story', lang);
  await me.button(t('composer.schedule')).click();
  await me.heading(t('post.title')).waitFor();
  await me.expectPostStatus('scheduled');

  // Both go out at their time; each page follows on its own.
  await published(page, lang, igAccount.handle);
  await me.expectPostStatus('published');
  await page.goto(postPath);
  await me.heading(t('post.title')).waitFor();
  await published(page, lang, fbPage.username);
  await published(page, lang, igAccount.handle);
  await me.expectPostStatus('published');
  await shoot(page, 'post-published', lang);

  // What Meta holds: Facebook the main text with the photo, Instagram its own text on a feed photo, and the story.
  const fbPosts = [...fake.state.posts.values()].filter((p) => p.pageId === fbPage.id);
  expect(fbPosts.map((p) => [p.message, p.photos.length])).toEqual([[x.body, 1]]);
  const media = [...fake.state.media.values()].filter((m) => m.igUserId === ig!.id);
  const feed = media.find((m) => m.type === 'IMAGE');
  expect(feed).toMatchObject({ caption: x.variant, items: [{ alt: x.alt }] });
  expect(media.map((m) => m.type).sort()).toEqual(['IMAGE', 'STORY']);
  const storyContainer = [...fake.state.containers.values()].find((c) => c.igUserId === ig!.id && c.params.media_type === 'STORIES');
  expect(storyContainer).toMatchObject({ status: 'PUBLISHED', items: [{ alt: x.storyAlt }] });
  expect(storyContainer!.params.caption).toBeUndefined();

  // A visitor comments on the Instagram photo; Meta notifies Ruche through the webhook, signed with the app secret.
  await me.goTo('inbox');
  const visitor = { id: '17841400000000077', username: 'frelon.asiatique' };
  const commentId = addIgComment(fake, visitor, feed!.id, x.comment);
  const delivered = await fake.notify(igCommentPayload(fake, commentId));
  // Null would mean Ruche never subscribed the Page to webhooks when it was connected.
  expect(delivered?.status).toBe(200);
  const list = page.getByRole('listbox', { name: t('inbox.listLabel') });
  const row = list.getByRole('option').filter({ hasText: x.comment });
  await row.waitFor({ timeout: 30_000 });
  await row.getByText('Instagram', { exact: false }).first().waitFor({ state: 'attached' });
  await row.click();
  const detail = page.locator('.inbox-detail');
  await detail.getByRole('heading', { level: 2, name: new RegExp(`^${escape(t('inbox.kindFrom.reply', { network: 'Instagram' }))}`) }).waitFor();
  await detail.locator('.inbox-msg.is-current').getByText(x.comment, exact).waitFor();
  // The markup stayed text: no element was made of it, nothing ran.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  // Above the comment, the brand's own photo it was written under: its caption and a link to it on Instagram.
  const post = detail.locator('.inbox-msg-context');
  await post.getByText(x.variant.slice(0, 40), { exact: false }).waitFor();
  expect(await post.getByRole('link', { name: t('inbox.thread.onNetwork') }).getAttribute('href')).toBe(`https://www.instagram.com/p/${feed!.id}/`);
  // Instagram gives apps no like or repost: no such button, the thank-you is the words alone.
  const quick = page.getByRole('group', { name: t('inbox.reply.quick') });
  expect(await quick.getByRole('button', { name: t('inbox.reply.like'), ...exact }).count()).toBe(0);
  expect(await quick.getByRole('button', { name: t('inbox.reply.repost'), ...exact }).count()).toBe(0);
  await quick.getByText(t('inbox.reply.noEngagement', { network: 'Instagram' }), { exact: false }).waitFor();
  await shoot(page, 'inbox-comment', lang);
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, '390']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/shots/meta-inbox-${tag}-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // The answer, from the inbox, as a reply to that comment on Instagram.
  await page.getByLabel(t('inbox.reply.body', { network: 'Instagram' }), exact).fill(x.reply);
  await me.button(t('inbox.reply.send')).click();
  await page.locator('.inbox-reply-sent').waitFor({ timeout: 30_000 }).catch(async (error) => {
    await page.screenshot({ path: `${SHOTS}/inbox-reply-failed-${lang}.png`, fullPage: true });
    throw error;
  });
  const answers = [...fake.state.comments.values()].filter((c) => c.parentId === commentId);
  expect(answers.map((c) => [c.message, c.fromName])).toEqual([[x.reply, ig!.username]]);
  await shoot(page, 'inbox-replied', lang);

  // Instagram lets the account hide a comment on its own media: done from the same page.
  const moderation = page.getByRole('region', { name: t('inbox.moderation.title') });
  await moderation.getByRole('button', { name: t('inbox.moderation.action.hide'), ...exact }).click();
  await expect.poll(() => fake.state.comments.get(commentId)?.hidden, { timeout: 30_000 }).toBe(true);
  await moderation.getByRole('button', { name: t('inbox.moderation.action.unhide'), ...exact }).waitFor();

  // On the Page's post, one visitor removes their question and a Page admin hides another comment in Facebook
  // itself: the first asks nothing more (out of Open, under All with its badge), the second is said hidden there.
  const fbPostId = [...fake.state.posts.values()].find((p) => p.pageId === fbPage.id && !p.deleted)!.id;
  const asker = { id: '10000000000000091', name: 'Guêpe Pressée' };
  const gone = fbCommentAs(fake, asker, fbPostId, x.removed);
  const spam = fbCommentAs(fake, asker, fbPostId, x.hiddenThere);
  for (const c of [gone, spam]) expect((await fake.notify(feedCommentPayload(fake, c)))?.status).toBe(200);
  const stored = async (text: string) => ((await me.api('GET', `/workspaces/${wid}/inbox/items?q=${encodeURIComponent(text.split(' ')[0]!)}`)).items as Array<{ text: string; removedAt: number | null }>).find((i) => i.text === text);
  await expect.poll(async () => (await stored(x.hiddenThere)) !== undefined, { timeout: 30_000 }).toBe(true);
  await expect.poll(async () => (await stored(x.removed)) !== undefined, { timeout: 30_000 }).toBe(true);
  const tab = (status: string) => page.locator('.inbox-tabs label').filter({ hasText: t(`inbox.status.${status}`) });
  // The list shows what arrives once asked again: the tabs ask.
  await tab('all').click();
  await tab('open').click();
  await list.getByRole('option').filter({ hasText: x.removed }).waitFor({ timeout: 30_000 });
  fbRemoveComment(fake, gone);
  expect((await fake.notify(feedCommentPayload(fake, gone, 'remove')))?.status).toBe(200);
  await expect.poll(async () => (await stored(x.removed))?.removedAt ?? null, { timeout: 30_000 }).not.toBeNull();
  await tab('all').click();
  await tab('open').click();
  await list.getByRole('option').filter({ hasText: x.hiddenThere }).waitFor();
  expect(await list.getByRole('option').filter({ hasText: x.removed }).count()).toBe(0);
  await tab('all').click();
  const removedRow = list.getByRole('option').filter({ hasText: x.removed });
  await removedRow.getByText(t('inbox.networkState.removed'), exact).waitFor({ timeout: 30_000 });
  await shoot(page, 'inbox-removed-by-author', lang);
  fbSetHidden(fake, spam, true);
  expect((await fake.notify(feedCommentPayload(fake, spam, 'hide')))?.status).toBe(200);
  await list.getByRole('option').filter({ hasText: x.hiddenThere }).click();
  await page.locator('.inbox-log').getByText(t('inbox.log.onNetwork', { network: 'Facebook' }), { exact: false }).waitFor({ timeout: 30_000 });
  await shoot(page, 'inbox-hidden-on-facebook', lang);
  // The moderation log says who hid it: Facebook, not a member nor Ruche.
  await page.goto(`/w/${wid}/moderation/log`);
  const logRow = page.locator('.mod-log tbody tr').filter({ hasText: x.hiddenThere });
  await logRow.getByText(t('moderation.log.onNetwork', { network: 'Facebook' }), exact).waitFor({ timeout: 30_000 });
  await shoot(page, 'moderation-log-hidden-on-facebook', lang);
  await context.close();
}

/** Uploads a photo into the post with its description. */
async function attach(page: Page, lang: Lang, name: string, bytes: Uint8Array, alt: string) {
  const me = ui(page, lang);
  const t = me.t;
  await page.getByLabel(t('composer.chooseImage'), { exact: true }).setInputFiles({ name, mimeType: 'image/jpeg', buffer: Buffer.from(bytes) });
  await page.getByLabel(`${t('composer.alt')} (${t('composer.required')})`, { exact: true }).fill(alt);
  await me.button(t('composer.addImage')).click();
  await me.expectStatus(t('composer.imageAdded', { name }));
}

/** Types the planned time in the workspace's zone, `ahead` seconds from now (the time field takes seconds when typed). */
async function plan(page: Page, lang: Lang, ahead: number) {
  const at = DateTime.now().setZone(ZONE).plus({ seconds: ahead });
  await typeWhen(page, lang, ui(page, lang).t('composer.plannedAt', { zone: ZONE }), at, true);
}

/** Waits until the post's page says the account published it. */
async function published(page: Page, lang: Lang, handle: string) {
  const t = ui(page, lang).t;
  const target = page.locator('.target').filter({ has: page.locator('strong').getByText(`@${handle}`, { exact: true }) });
  await target.locator('.target-status').filter({ hasText: t('targetStatus.published') })
    .waitFor({ timeout: 90_000 });
}
