/**
 * The moderation console driven as a community manager would, in either language: items arrive through the inbound
 * pipeline (the in-memory test network's account; hostile markup in one of them), a rule is written, tried on the
 * last items ("would have hidden 3 of the last 9", the 3 listed) and switched on; the review queue is decided with
 * the keyboard (y, j, n, u) and the log then shows those decisions; saved replies are written in both languages
 * with their preview. Each page is shot at desktop and phone width into /tmp.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { createAnalyzer } from '../../src/analysis/index.js';
import type { InboundItem } from '../../src/connectors/types.js';

export const HOSTILE = 'You are an idiot and a moron <img src=x onerror="window.__pwned=1"> \u202Egnp.exe';

const TEXTS = [
  HOSTILE,
  'Espèce de crétin, t’es vraiment débile',
  'Vous êtes des ordures, je vais vous tuer',
  'I will kill you, watch your back',
  'Go back to your country, dirty immigrants',
  'Great launch, I love this product, thank you team!',
  'My order never arrived and support does not answer, I want a refund',
  'Bravo pour ce lancement, merci à toute l’équipe !',
  'this is kind of stupid maybe',
];

/** The rule the test writes: insults at 80 % or more. */
export const INSULT_MIN = 0.8;

function item(i: number, text: string, lang: Lang): InboundItem {
  const at = new Date(Date.now() - (TEXTS.length - i) * 60_000).toISOString();
  return {
    kind: 'reply',
    ref: { id: `at://did:local:fan${i}/app.bsky.feed.post/${lang}${i}` },
    author: { id: `did:local:fan${i}`, handle: `fan${i}.local`, displayName: i === 0 ? 'Troll <b>bold</b>' : `Fan ${i}`, avatarUrl: null, followers: 10 * i, createdAt: null },
    text,
    createdAt: at,
    url: null,
    parent: { id: `at://did:local:brand/app.bsky.feed.post/root` },
    root: { id: `at://did:local:brand/app.bsky.feed.post/root` },
    conversationId: null,
    quoted: null,
    languages: [],
    context: [],
  };
}

async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'phone']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/moderation-${name}-${tag}-${lang}.png`, fullPage: true });
    // Nothing wider than the screen on a phone.
    if (tag === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\u00a0\u202f ]/g, '\\s');

export async function moderationFlow(browser: Browser, server: TestRuche & Server, lang: Lang, names: { owner: string; workspace: string }) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  await page.setViewportSize({ width: 1366, height: 900 });
  const me = ui(page, lang);
  const t = me.t;
  await me.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = me.workspaceId();
  // Nothing to review yet: the page says so and where items come from, without a count of none or keys for no card.
  await page.goto(`/w/${wid}/moderation`);
  await me.heading(t('moderation.review.title')).waitFor();
  await page.getByText(t('moderation.review.empty'), { exact: true }).waitFor();
  expect(await page.locator('.mod-left').count()).toBe(0);
  expect(await page.getByText(t('moderation.review.keys'), { exact: true }).count()).toBe(0);
  const session = await me.api('GET', '/session');
  const accountId = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.local`);
  const stored = await ingestItems(server.ctx, { id: accountId, workspace_id: wid, network: 'bluesky' }, TEXTS.map((text, i) => item(i, text, lang)));
  expect(stored.stored).toHaveLength(TEXTS.length);

  // What the rule should catch, by the analysis itself rather than by a number written here.
  const analyzer = await createAnalyzer();
  const insulting = TEXTS.filter((text) => (analyzer.analyze(text).toxicity.categories.insult ?? 0) >= INSULT_MIN);
  expect(insulting.length).toBeGreaterThan(0);

  // Before any decision, the models page says there is nothing to learn from yet, in words rather than "0".
  await page.goto(`/w/${wid}/moderation/models`);
  await me.heading(t('moderation.models.title')).waitFor();
  await page.getByText(t('moderation.models.decisions_zero'), { exact: true }).waitFor();

  // Saved replies, in both languages, with the variables previewed.
  await page.goto(`/w/${wid}/settings/saved-replies`);
  // Opened by its address: the title is there once the page's code has loaded.
  await me.heading(t('moderation.savedReplies.title')).waitFor();
  const form = page.getByRole('form', { name: t('moderation.savedReplies.new') });
  // A reply without a title is not sent: the form says why.
  await form.getByRole('button', { name: t('moderation.savedReplies.create'), exact: true }).click();
  await form.getByRole('alert').filter({ hasText: t('moderation.savedReplies.needTitle') }).waitFor();
  for (const [language, title, body] of [
    ['en', 'Thanks', 'Thank you {first_name}, the {brand} team is on it.'],
    ['fr', 'Merci', 'Merci {first_name}, l’équipe {brand} s’en occupe.'],
  ] as const) {
    await form.getByLabel(t('moderation.savedReplies.titleField'), { exact: true }).fill(title);
    await form.getByLabel(t('moderation.savedReplies.language'), { exact: true }).selectOption(language);
    await form.getByLabel(t('moderation.savedReplies.body'), { exact: true }).fill(body);
    const preview = plain((await form.locator('.sr-preview-text').textContent()) ?? '');
    expect(preview).toContain(names.workspace);
    expect(preview).not.toContain('{first_name}');
    await form.getByRole('button', { name: t('moderation.savedReplies.create'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: new RegExp(escape(t('moderation.savedReplies.created', { title }))) }).waitFor();
    await page.locator('.sr-item').filter({ hasText: title }).filter({ hasText: language.toUpperCase() }).waitFor();
  }
  const saved = (await me.api('GET', `/workspaces/${wid}/inbox/saved-replies`)).items as Array<{ title: string; language: string }>;
  expect(saved.map((r) => `${r.language}:${r.title}`).sort()).toEqual(['en:Thanks', 'fr:Merci']);
  await shoot(page, 'saved-replies', lang);

  // The console is one click away in the sidebar.
  const nav = page.getByRole('navigation', { name: t('nav.label') });
  await nav.getByRole('link', { name: t('areas.moderation.title'), exact: true }).click();
  await me.expectPage(t('moderation.review.title'));

  // Rules: the workspace's conservative defaults are listed, each in plain words.
  const tabs = page.getByRole('navigation', { name: t('moderation.tabs.label') });
  // The first load of the rules fails (the server out of reach): the page says so and tries again when asked.
  const rulesApi = `**/api/v1/workspaces/${wid}/moderation/rules`;
  await page.route(rulesApi, (route) => route.abort('connectionrefused'), { times: 1 });
  await tabs.getByRole('link', { name: t('moderation.tabs.rules'), exact: true }).click();
  await me.expectPage(t('moderation.rules.title'));
  const unreachable = page.getByRole('alert').filter({ hasText: t('errors.network') });
  await unreachable.getByRole('button', { name: t('common.retry'), exact: true }).click();
  await unreachable.waitFor({ state: 'detached' });
  const defaults = page.locator('.mod-rule');
  await expect.poll(() => defaults.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await shoot(page, 'rules', lang);

  // A new rule: replies insulting at 80 % or more are hidden and labelled.
  await page.getByRole('link', { name: t('moderation.rules.new'), exact: true }).click();
  await me.expectPage(t('moderation.editor.newTitle'));
  const ruleName = lang === 'fr' ? 'Insultes' : 'Insults';
  await page.getByLabel(t('moderation.editor.name'), { exact: true }).fill(ruleName);
  await page.getByLabel(t('moderation.editor.toxicity'), { exact: true }).selectOption({ label: t('moderation.categories.insult') });
  const slider = page.getByLabel(t('moderation.editor.threshold'), { exact: true });
  await slider.focus();
  // From 90 %, two steps of 5 down, by keyboard.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(Number(await slider.inputValue())).toBeCloseTo(INSULT_MIN, 5);
  await page.getByRole('group', { name: t('moderation.editor.kinds') }).getByRole('checkbox', { name: t('moderation.kinds.reply'), exact: true }).check();
  // Tried before it does anything: the panel says what is missing, in words, rather than the server's field check.
  await me.button(t('moderation.try.button', { count: 500 })).click();
  await page.locator('.mod-try').getByRole('alert').getByText(t('moderation.editor.problems.action'), { exact: true }).waitFor();
  await page.getByRole('checkbox', { name: t('moderation.actions.hide'), exact: true }).check();
  await page.getByRole('checkbox', { name: t('moderation.actions.label'), exact: true }).check();
  await page.getByLabel(t('moderation.editor.labelName'), { exact: true }).fill('insult');
  const summary = plain((await page.locator('.mod-plain-text').textContent()) ?? '');
  expect(summary).toContain(plain(t('moderation.summary.do.hide')));
  expect(summary).toContain('insult');

  // Tried on the last items before it is switched on: the matches are listed, as text.
  await me.button(t('moderation.try.button', { count: 500 })).click();
  const headline = plain(t('moderation.try.result.hide', { matched: insulting.length, tried: TEXTS.length }));
  await page.getByRole('status').filter({ hasText: new RegExp(escape(headline)) }).waitFor();
  const tried = page.getByRole('list', { name: t('moderation.try.listLabel') }).locator('> li');
  expect(await tried.count()).toBe(insulting.length);
  for (const text of insulting) expect(await tried.filter({ hasText: text.slice(0, 20) }).count()).toBe(1);
  // Each listed item says whether its network lets the rule hide it.
  const hidePhrase = t('moderation.summary.do.hide');
  for (let i = 0; i < insulting.length; i++) expect(plain((await tried.nth(i).locator('.mod-allowed').textContent()) ?? '')).toContain(plain(hidePhrase));
  expect(await page.locator('.mod-try-list img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await shoot(page, 'rule-editor', lang);

  // The first save is refused by the server: said, and the button works again for the second.
  let refused = 0;
  await page.route(rulesApi, (route) =>
    route.request().method() === 'POST' && refused++ === 0
      ? route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests' } }) })
      : route.fallback(),
  );
  await me.button(t('moderation.editor.saveOn')).click();
  await page.getByRole('alert').filter({ hasText: t('errors.rate_limited') }).waitFor();
  await me.button(t('moderation.editor.saveOn')).click();
  await me.expectPage(t('moderation.rules.title'));
  await page.unroute(rulesApi);
  const row = page.locator('.mod-rule').filter({ hasText: ruleName });
  await expect.poll(() => row.getByRole('switch').getAttribute('aria-checked'), { timeout: 15_000 }).toBe('true');
  const rules = (await me.api('GET', `/workspaces/${wid}/moderation/rules`)).items as Array<{ name: string; enabled: boolean }>;
  expect(rules.find((r) => r.name === ruleName)?.enabled).toBe(true);

  // Switching a rule on from the list tries it first; switching off is immediate.
  const sw = row.getByRole('switch', { name: plain(t('moderation.rules.switchFor', { name: ruleName })) });
  await sw.click();
  await expect.poll(() => sw.getAttribute('aria-checked'), { timeout: 15_000 }).toBe('false');
  await sw.click();
  await row.getByRole('status').filter({ hasText: new RegExp(escape(headline)) }).waitFor();
  await row.getByRole('button', { name: t('moderation.rules.switchOn'), exact: true }).click();
  await expect.poll(() => sw.getAttribute('aria-checked'), { timeout: 15_000 }).toBe('true');

  // Order: the new rule goes up by keyboard, and the focus stays on its arrow.
  const up = page.getByRole('button', { name: plain(t('moderation.rules.moveUp', { name: ruleName })) });
  const before = await page.locator('.mod-rule').count();
  await up.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: new RegExp(escape(t('moderation.rules.moved', { name: ruleName, number: before - 1 }))) }).waitFor();
  const ordered = (await me.api('GET', `/workspaces/${wid}/moderation/rules`)).items as Array<{ name: string; position: number }>;
  expect(ordered.sort((a, b) => a.position - b.position).findIndex((r) => r.name === ruleName)).toBe(before - 2);

  // The review queue: what the default rules were unsure of, or could not do on this network.
  await tabs.getByRole('link', { name: t('moderation.tabs.review'), exact: true }).click();
  await me.expectPage(t('moderation.review.title'));
  const pending = (await me.api('GET', `/workspaces/${wid}/moderation/reviews?status=pending`)).items as Array<{ id: string; item: { text: string } }>;
  expect(pending.length).toBeGreaterThan(1);
  const cards = page.getByRole('list', { name: t('moderation.review.listLabel') }).locator('> li');
  await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(pending.length);
  const left = (n: number) => page.locator('.mod-left').filter({ hasText: new RegExp(`^${escape(t(`moderation.review.left_${n === 1 ? 'one' : 'other'}`, { count: n }))}$`) });
  await left(pending.length).waitFor();
  expect(await page.locator('.mod-queue img').count()).toBe(0);
  await shoot(page, 'review', lang);

  // y confirms the first, j moves on, n overturns the next, u takes that back, n again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('y');
  await left(pending.length - 1).waitFor();
  await page.keyboard.press('n');
  await left(pending.length - 2).waitFor();
  await page.keyboard.press('u');
  await left(pending.length - 1).waitFor();
  await me.expectStatus(t('moderation.review.undone'));
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('n');
  await left(pending.length - 2).waitFor();
  // Held a few seconds for undo, then sent.
  await expect
    .poll(async () => ((await me.api('GET', `/workspaces/${wid}/moderation/reviews?status=pending`)).items as unknown[]).length, { timeout: 15_000 })
    .toBe(pending.length - 2);

  // The log names the decisions, on those items.
  await tabs.getByRole('link', { name: t('moderation.tabs.log'), exact: true }).click();
  await me.expectPage(t('moderation.log.title'));
  const logRows = page.locator('.mod-log tbody tr');
  await expect.poll(() => logRows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const decided = pending.slice(0, 2).map((r) => r.item.text.slice(0, 16));
  for (const text of decided) await logRows.filter({ hasText: text }).first().waitFor();
  await shoot(page, 'log', lang);

  // An author of the week's positive items becomes an advocate from the suggestions.
  await tabs.getByRole('link', { name: t('moderation.tabs.people'), exact: true }).click();
  await me.expectPage(t('moderation.people.title'));
  const mark = page.locator('.mod-author button', { hasText: t('moderation.people.mark') }).first();
  await mark.waitFor();
  const label = (await mark.getAttribute('aria-label')) ?? '';
  const fan = new RegExp(`^${escape(t('moderation.people.markFor', { name: '§' })).replace('§', '(.+)')}$`).exec(plain(label))?.[1] ?? '';
  expect(fan).not.toBe('');
  await mark.click();
  await page.getByRole('status').filter({ hasText: new RegExp(escape(t('moderation.people.marked', { name: fan }))) }).waitFor();
  await page.getByRole('button', { name: plain(t('moderation.people.unmarkFor', { name: fan })), exact: true }).waitFor();
  const advocates = (await me.api('GET', `/workspaces/${wid}/moderation/advocates`)).items as Array<{ displayName: string | null; handle: string }>;
  expect(advocates.map((a) => a.displayName ?? `@${a.handle}`)).toEqual([fan]);
  await shoot(page, 'people', lang);

  // The models learn from the two decisions: a job with its progress, then the date it was trained.
  await tabs.getByRole('link', { name: t('moderation.tabs.models'), exact: true }).click();
  await me.expectPage(t('moderation.models.title'));
  await page.getByText(t('moderation.models.decisions_other', { count: 2 }), { exact: true }).waitFor();
  await me.button(t('moderation.models.retrain')).click();
  await page.getByRole('status').filter({ hasText: new RegExp(escape(t('moderation.models.done'))) }).waitFor({ timeout: 30_000 });
  await page.getByText(new RegExp(escape(t('moderation.models.lastTrained', { time: '§' }).split('§')[0]))).waitFor();
  expect(((await me.api('GET', `/workspaces/${wid}/moderation/models`)).models as unknown[]).length).toBeGreaterThan(0);
  await shoot(page, 'models', lang);

  await context.close();
}
