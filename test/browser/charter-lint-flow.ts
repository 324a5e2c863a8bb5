/**
 * The charter checked as one writes, in either language of the interface: a French charter (tu, "client" rather
 * than "usager", "garanti" sent to legal review, #RucheCafe as the brand's hashtag) set through the API; a draft
 * in the composer shows its findings marked in the text, the fixes are applied one click each, a term the server
 * knows before the page does is refused with its findings, and the post goes through legal review, approved by a
 * strategist. Then a saved reply and an inbox reply with a forbidden word can be neither saved nor sent until
 * rewritten. Screenshots at desktop and phone widths go to /tmp. Accounts live on the Mastodon documented-API fake
 * (see inbox-fixture.ts).
 */
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { arrive, connectBrand, type InboxServer } from './inbox-fixture.js';

const CHARTER = {
  voice: { address: 'tu' },
  vocabulary: {
    prefer: [{ use: 'client', insteadOf: ['usager'], severity: 'warning', reason: 'On parle de clients, pas d’usagers.' }],
    forbidden: [
      { term: 'garanti', action: 'legal_review', reason: 'Une garantie engage la marque devant la loi.' },
      { term: 'arnaque', action: 'block', reason: 'Ce mot ne se dit jamais, même pour le nier.' },
    ],
  },
  hashtags: { key: ['#RucheCafe'] },
};

const DRAFT = 'Vous allez adorer notre miel de printemps : chaque usager le dit, son goût est garanti.';
const FIXED = 'Tu vas adorer notre miel de printemps : chaque client le dit, son goût est garanti.\n\n#RucheCafe';

export async function charterLintFlow(browser: Browser, server: InboxServer, lang: Lang, names: { owner: string; strategist: string; workspace: string }) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const me = ui(page, lang);
  const t = me.t;
  const exact = { exact: true } as const;
  await page.setViewportSize({ width: 1280, height: 900 });
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  const { me: brand, accountId } = await connectBrand(server, wid, session.user.id, `ruche${lang}`);
  let charter = await me.api('PUT', `/workspaces/${wid}/charter`, { charter: CHARTER, baseVersion: 0 });
  expect(charter.version).toBe(1);

  // A strategist, who keeps the charter and so gives the legal review.
  await me.goTo('members');
  const link = await me.invite(`strategist-${lang}@example.com`, 'strategist');
  const other = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  const sam = ui(other.page, lang);
  await other.page.goto(new URL(link).pathname);
  await sam.acceptInvitation(names.strategist, 'strategist password 1');
  await sam.heading(names.workspace).waitFor();

  // The draft: its findings are listed with their severity, the charter's reason, and marked in the text.
  await me.newPost();
  await me.pickAccounts(brand.username);
  await me.writeMessage(DRAFT);
  const body = page.getByLabel(t('composer.body'), exact);
  const lint = page.getByRole('group', { name: t('charter.lint.title') }).first();
  const finding = (text: string): Locator => lint.locator('.lint-finding').filter({ hasText: text });
  await finding(t('charter.lint.rules.voice.address', { use: 'tu' })).waitFor();
  await finding(t('charter.lint.rules.vocabulary.prefer', { use: 'client', found: 'usager' })).getByText('On parle de clients, pas d’usagers.').waitFor();
  await finding(t('charter.lint.rules.vocabulary.legal_review', { term: 'garanti' })).getByText(t('charter.lint.severity.warning')).waitFor();
  await finding(t('charter.lint.rules.hashtag.key_missing', { tags: '#RucheCafe' })).getByText(t('charter.lint.severity.suggestion')).waitFor();
  await lint.getByText(t('charter.lint.legalReview')).waitFor();
  const marks = page.locator('.lint-backdrop mark');
  await expect.poll(() => marks.allTextContents()).toEqual(['Vous', 'usager', 'garanti']);
  // The mark lies under the word it marks: same first line, same left edge of the text.
  const [mark, area] = [(await marks.first().boundingBox())!, (await body.boundingBox())!];
  expect(Math.abs(mark.x - (area.x + 1 + 0.65 * 16))).toBeLessThan(2);
  // The quoted span selects the words in the text.
  await finding(t('charter.lint.rules.vocabulary.prefer', { use: 'client', found: 'usager' }))
    .getByRole('button', { name: t('charter.lint.select', { text: 'usager' }) })
    .click();
  expect(await body.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('usager');
  await shoot(page, `charter-composer-${lang}`);

  // One click per fix; the caret, left at the end, stays at the end of the rewritten text.
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
  await lint.getByRole('button', { name: t('charter.lint.fixes.switch_to_tu'), ...exact }).click();
  await expect.poll(() => body.inputValue()).toBe(DRAFT.replace('Vous allez', 'Tu vas'));
  expect(await body.evaluate((el: HTMLTextAreaElement) => [document.activeElement === el, el.selectionStart === el.value.length])).toEqual([true, true]);
  await lint.getByRole('button', { name: t('charter.lint.fixes.replace', { replacement: 'client' }), ...exact }).click();
  await lint.getByRole('button', { name: t('charter.lint.fixes.add_hashtag', { tag: '#RucheCafe' }), ...exact }).click();
  await expect.poll(() => body.inputValue()).toBe(FIXED);
  await expect.poll(() => lint.locator('.lint-finding').count()).toBe(1);
  await expect.poll(() => marks.allTextContents()).toEqual(['garanti']);

  // The charter changed since the page read it: the server refuses the post and says why; the page then knows.
  charter = await me.api('PUT', `/workspaces/${wid}/charter`, {
    charter: { ...CHARTER, vocabulary: { ...CHARTER.vocabulary, forbidden: [...CHARTER.vocabulary.forbidden, { term: 'printemps', action: 'block', reason: 'La saison n’est pas encore annoncée.' }] } },
    baseVersion: 1,
  });
  await me.button(t('composer.submit')).click();
  await me.expectAlert(t('charter.lint.blockedPost'));
  const refused = page.getByRole('group', { name: t('charter.lint.serverFindings') });
  await refused.locator('.lint-finding').filter({ hasText: t('charter.lint.rules.vocabulary.forbidden', { term: 'printemps' }) }).waitFor();
  await finding(t('charter.lint.rules.vocabulary.forbidden', { term: 'printemps' })).getByText(t('charter.lint.severity.blocking')).waitFor();
  await expect.poll(() => me.button(t('composer.submit')).isDisabled()).toBe(true);
  expect(await me.button(t('composer.saveDraft')).isDisabled()).toBe(false);

  // Taken back in another tab: the page reads the charter again when it regains focus, and the post may go.
  await me.api('PUT', `/workspaces/${wid}/charter`, { charter: CHARTER, baseVersion: charter.version });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => me.button(t('composer.submit')).isDisabled()).toBe(false);
  await me.button(t('composer.submit')).click();
  await me.heading(t('post.title')).waitFor();
  await me.expectPostStatus('in_review');
  const postPath = new URL(page.url()).pathname;

  // The strategist sees why legal review is asked, and approves.
  await other.page.goto(postPath);
  await sam.heading(t('post.title')).waitFor();
  const review = other.page.locator('.legal-review');
  await review.getByRole('heading', { name: t('charter.lint.legal.title'), ...exact }).waitFor();
  await review.getByText('Une garantie engage la marque devant la loi.').waitFor();
  await review.getByText('garanti', exact).waitFor();
  await shoot(other.page, `charter-review-${lang}`);
  await sam.button(t('approvals.approve')).click();
  await sam.expectStatus(t('approvals.approvedDone'));
  await sam.expectPostStatus('approved');
  const approved = await me.api('GET', `/workspaces/${wid}/posts/${postPath.split('/').pop()}`);
  expect(approved.body).toBe(FIXED);
  expect(approved.charterReview).toMatchObject({ required: true, done: true });

  // A saved reply is held to the charter too: it cannot be saved with a forbidden word, and is once rewritten.
  await page.goto(`/w/${wid}/settings/saved-replies`);
  await me.heading(t('moderation.savedReplies.title')).waitFor();
  const form = page.getByRole('form', { name: t('moderation.savedReplies.new') });
  await form.getByLabel(t('moderation.savedReplies.titleField'), exact).fill('Retard');
  await form.getByLabel(t('moderation.savedReplies.language'), exact).selectOption('fr');
  const saved = form.getByLabel(t('moderation.savedReplies.body'), exact);
  await saved.fill('Bonjour {first_name}, ce retard n’est pas une arnaque.');
  await form.locator('.lint-finding').filter({ hasText: t('charter.lint.rules.vocabulary.forbidden', { term: 'arnaque' }) }).waitFor();
  await form.getByText(t('charter.lint.blockedSaved')).waitFor();
  await expect.poll(() => form.getByRole('button', { name: t('moderation.savedReplies.create'), ...exact }).isDisabled()).toBe(true);
  await saved.fill('Bonjour {first_name}, désolé pour ce retard.');
  await form.getByRole('button', { name: t('moderation.savedReplies.create'), ...exact }).click();
  await me.expectStatus(t('moderation.savedReplies.created', { title: 'Retard' }));

  // A reply with a forbidden word: sending is refused until it is rewritten.
  const ada = server.fake.createAccount(`ada${lang}`, { displayName: 'Ada Lovelace' });
  await arrive(server, { accountId, workspaceId: wid }, { from: ada, text: 'Ma commande n’est toujours pas là, c’est une arnaque ?', language: 'fr' });
  await me.goTo('inbox');
  await page.getByRole('option').filter({ hasText: 'Ma commande n’est toujours pas là' }).click();
  const editor = page.getByLabel(t('inbox.reply.body', { network: 'Mastodon' }), exact);
  await editor.fill('Ce n’est pas une arnaque : ta commande part demain.');
  const replyLint = page.locator('.inbox-reply').getByRole('group', { name: t('charter.lint.title') });
  await replyLint.locator('.lint-finding').filter({ hasText: t('charter.lint.rules.vocabulary.forbidden', { term: 'arnaque' }) }).waitFor();
  await replyLint.getByText('Ce mot ne se dit jamais, même pour le nier.').waitFor();
  await page.getByText(t('charter.lint.blockedReply')).waitFor();
  await expect.poll(() => me.button(t('inbox.reply.send')).isDisabled()).toBe(true);
  await expect.poll(() => replyLint.getByRole('status').textContent()).toBe(t('charter.lint.count.blocking_one', { count: 1 }));
  await shoot(page, `charter-reply-${lang}`);
  await editor.fill('Désolé pour l’attente : ta commande part demain.');
  await expect.poll(() => me.button(t('inbox.reply.send')).isDisabled()).toBe(false);
  await me.button(t('inbox.reply.send')).click();
  await page.locator('.inbox-reply-sent').waitFor({ timeout: 30_000 });
  const replies = server.fake.statusesOf(brand.id).filter((s) => s.inReplyToId !== null);
  expect(replies.map((r) => r.text)).toEqual([expect.stringContaining('Désolé pour l’attente : ta commande part demain.')]);

  await other.context.close();
  await context.close();
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `/tmp/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: `/tmp/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}
