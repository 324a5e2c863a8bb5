/**
 * The editorial charter, driven by a strategist in either language: "tu" chosen and saved, a word to prefer and a
 * word to avoid added, a sample message tried against the rules before saving, a field left empty refused next
 * to itself; the history shows both versions and what changed; the saved reply and the draft that now break the
 * charter are listed; a change saved by someone else meanwhile is a conflict that offers to reload; an old version
 * restored. A content creator reads the charter without a way to change it. Each screen is photographed at
 * 1280 px and 375 px (to /tmp/shots), and none scrolls sideways on a phone.
 */
import fs from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { en, fr } from '../../web/i18n/bundles.js';
import { Charter } from '../../src/shared/charter/charter.js';
import { checkMessage } from '../../src/shared/charter/check.js';
import { findingMessage } from '../../web/components/charter/wording.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';

const SHOTS = '/tmp/shots';
const exact = { exact: true } as const;

async function shoot(page: Page, name: string, lang: Lang) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/charter-${name}-1280-${lang}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `${SHOTS}/charter-${name}-375-${lang}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} fits a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * The choices of the charter's lists (and of its try-it box) too wide for their list at 1280 px: a list shows only
 * its chosen option, so a longer one is cut off. Measured in the list's own font, beside its padding and arrow.
 */
async function cutChoices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ruler = document.createElement('canvas').getContext('2d')!;
    return [...document.querySelectorAll<HTMLSelectElement>('.charter-workbench select')].flatMap((select) => {
      const style = getComputedStyle(select);
      ruler.font = style.font;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
      return [...select.options].filter((o) => ruler.measureText(o.text).width > room).map((o) => o.text);
    });
  });
}

async function translator(lang: Lang): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: lang, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** The brand's words in each language: what to prefer, what to avoid, and texts that break the rules. */
const WORDS = {
  fr: {
    use: 'membre', insteadOf: 'usager', avoid: 'gratuit', why: 'Rien n’est gratuit\u00a0: on dit «\u00a0offert\u00a0».',
    sample: 'Bonjour, vous êtes un usager fidèle : la livraison est gratuite.',
    reply: { title: 'Livraison', body: 'La livraison est gratuite dès 30 €.' },
    post: 'Le miel d’été arrive, et la livraison est gratuite ce week-end.',
    campaign: 'Rentrée', tag: '#Rentrée',
  },
  en: {
    use: 'member', insteadOf: 'user', avoid: 'free', why: 'Nothing is free: say “on us”.',
    sample: 'Hello, as a loyal user you get free delivery.',
    reply: { title: 'Delivery', body: 'Delivery is free from 30 euros.' },
    post: 'Summer honey is here, and delivery is free this weekend.',
    campaign: 'Back to school', tag: '#BackToSchool',
  },
};

export async function charterFlow(browser: Browser, server: TestRuche, lang: Lang, names: { owner: string; strategist: string; creator: string; workspace: string }) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const words = WORDS[lang];
  const tr = await translator(lang);

  // The owner opens the workspace and, through the API, its account, a saved reply and a draft.
  const team = await newVisitor(browser, server, locale);
  const owner = ui(team.page, lang);
  const t = owner.t;
  const p = (key: string, values?: Record<string, string | number>) => t(`charter.page.${key}`, values);
  await owner.setupOwner({ name: names.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: names.workspace });
  const wid = owner.workspaceId();
  const session = await owner.api('GET', '/session');
  const account = await connectLocalAccount(server, wid, session.user.id, `brand-${lang}.local`);
  const reply = await owner.api('POST', `/workspaces/${wid}/inbox/saved-replies`, { ...words.reply, language: lang });
  const campaign = await owner.api('POST', `/workspaces/${wid}/campaigns`, { name: words.campaign });
  const draft = await owner.api('POST', `/workspaces/${wid}/posts`, { body: words.post, accountIds: [account] });
  expect(draft.id).toBeTruthy();
  const invite = async (email: string, role: string) => (await owner.api('POST', `/workspaces/${wid}/invitations`, { email, role })).link as string;
  const strategistLink = await invite(`strategist-${lang}@example.com`, 'strategist');
  const creatorLink = await invite(`creator-${lang}@example.com`, 'content_creator');

  // The strategist joins and opens the charter from the navigation: nothing written yet.
  const visit = await newVisitor(browser, server, locale);
  const page = visit.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  const me = ui(page, lang);
  await page.goto(new URL(strategistLink).pathname);
  await me.acceptInvitation(names.strategist, 'strategist password 1');
  await me.heading(names.workspace).waitFor();
  await me.goTo('charter');
  await page.getByText(p('noneYet'), exact).waitFor();
  expect(await cutChoices(page), 'choices that do not fit their list').toEqual([]);

  // "tu", saved as the first version.
  await page.getByLabel(p('voice.address'), exact).selectOption('tu');
  await page.getByText(p('voice.addressHints.tu'), exact).waitFor();
  await me.button(p('save')).click();
  await me.expectStatus(p('saved', { version: 1 }));

  // A word to prefer and a word to avoid, each in its own row.
  await me.button(p('prefer.add')).click();
  const prefer = page.getByRole('group', { name: p('prefer.row', { n: 1 }), ...exact });
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
  await prefer.getByLabel(p('prefer.use'), exact).fill(words.use);
  await prefer.getByLabel(p('prefer.insteadOf'), exact).fill(words.insteadOf);
  await prefer.getByLabel(p('prefer.severity'), exact).selectOption('warning');
  await me.button(p('forbidden.add')).click();
  const avoid = page.getByRole('group', { name: p('forbidden.row', { n: 1 }), ...exact });
  await avoid.getByLabel(p('forbidden.term'), exact).fill(words.avoid);
  await avoid.getByLabel(p('vocabulary.reason'), exact).fill(words.why);
  await avoid.getByLabel(p('forbidden.action'), exact).selectOption('block');

  // The campaign's hashtag, picked from the workspace's campaigns; Bluesky with a limit of its own.
  await me.button(p('hashtags.addCampaign')).click();
  const campaignRow = page.getByRole('group', { name: p('hashtags.campaignRow', { n: 1 }), ...exact });
  await campaignRow.getByLabel(p('hashtags.campaign'), exact).selectOption({ label: words.campaign });
  await campaignRow.getByLabel(p('hashtags.required'), exact).fill(words.tag);
  const bluesky = page.getByRole('group', { name: 'Bluesky', ...exact });
  await page.getByText(p('networks.usesDefault'), exact).waitFor();
  await bluesky.getByLabel(p('networks.own', { network: 'Bluesky' }), exact).check();
  await bluesky.getByLabel(p('networks.maxLinks'), exact).fill('1');

  // A name left empty is refused next to its field, which takes the focus; removed, the form is whole again.
  await me.button(p('names.add')).click();
  await me.button(p('save')).click();
  await me.expectAlert(p('fixFields_one'));
  const nameRow = page.getByRole('group', { name: p('names.row', { n: 1 }), ...exact });
  const name = nameRow.getByLabel(p('names.name'), exact);
  await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
  await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
  await nameRow.getByText(p('errors.required'), exact).waitFor();
  await me.button(p('removeRow', { row: p('names.row', { n: 1 }) })).click();

  // The sample message is checked against the rules being edited, before they are saved.
  const expected = Charter.parse({
    voice: { address: 'tu' },
    vocabulary: {
      prefer: [{ use: words.use, insteadOf: [words.insteadOf], severity: 'warning' }],
      forbidden: [{ term: words.avoid, reason: words.why, action: 'block' }],
    },
    hashtags: { perCampaign: [{ campaignId: campaign.id, required: [words.tag] }] },
    networks: { bluesky: { maxLinks: 1 } },
  });
  const findings = checkMessage(expected, { text: words.sample, kind: 'post', media: { count: 0, withAltText: 0 } }).findings;
  expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['vocabulary.prefer', 'vocabulary.forbidden']));
  await page.getByLabel(p('try.text'), exact).fill(words.sample);
  const found = page.getByRole('region', { name: p('try.title'), ...exact });
  for (const finding of findings) await found.getByText(findingMessage(tr, finding)).waitFor();
  await found.getByText(words.why).waitFor();
  await shoot(page, 'try', lang);

  await me.button(p('save')).click();
  await me.expectStatus(p('saved', { version: 2 }));
  const saved = await me.api('GET', `/workspaces/${wid}/charter`);
  expect(saved.version).toBe(2);
  expect(saved.charter).toEqual(expected);
  expect(saved.updatedBy.name).toBe(names.strategist);

  // The history: two versions, the first one opened and compared with the one in force.
  const history = page.getByRole('region', { name: p('history.title'), ...exact });
  await expect.poll(() => history.locator('.charter-versions > li').count()).toBe(2);
  await history.getByRole('button', { name: p('history.open', { version: 1 }), ...exact }).click();
  const changes = history.getByRole('region', { name: p('history.changes', { version: 1 }), ...exact });
  await changes.getByRole('heading', { name: p('prefer.legend'), ...exact }).waitFor();
  await changes.getByRole('heading', { name: p('forbidden.legend'), ...exact }).waitFor();
  await changes.getByText(new RegExp(`^${p('quoted', { text: words.avoid })}`)).waitFor();
  expect(await changes.getByRole('heading', { name: p('voice.legend'), ...exact }).count()).toBe(0);
  await shoot(page, 'history', lang);

  // What breaks the charter now: the saved reply and the draft, with what is wrong, linked to where they are fixed.
  const broken = page.getByRole('region', { name: p('violations.title'), ...exact });
  const replyLink = broken.getByRole('link', { name: words.reply.title, ...exact });
  expect(await replyLink.getAttribute('href')).toBe(`/w/${wid}/settings/saved-replies?edit=${reply.id}`);
  const replyFindings = checkMessage(expected, { text: words.reply.body, kind: 'saved_reply', language: lang }).findings.filter((f) => f.severity !== 'suggestion');
  expect(replyFindings.length).toBeGreaterThan(0);
  const replyItem = broken.getByRole('listitem').filter({ has: page.getByRole('link', { name: words.reply.title, ...exact }) });
  for (const finding of replyFindings) await replyItem.getByText(findingMessage(tr, finding), exact).waitFor();
  const postLink = broken.getByRole('link', { name: words.post, ...exact });
  expect(await postLink.getAttribute('href')).toBe(`/w/${wid}/calendar/posts/${draft.id}`);
  await broken.getByRole('listitem').filter({ has: page.getByRole('link', { name: words.post, ...exact }) }).getByText(t('postStatus.draft'), exact).waitFor();
  await shoot(page, 'violations', lang);

  // The owner saves meanwhile: the strategist's next save is a conflict, and reloading shows the owner's change.
  const theirs = await owner.api('PUT', `/workspaces/${wid}/charter`, { charter: { ...expected, emoji: 'none' }, baseVersion: 2 });
  expect(theirs.version).toBe(3);
  await page.getByLabel(p('voice.maxExclamations'), exact).fill('1');
  await me.button(p('save')).click();
  await me.expectAlert(p('conflict'));
  await me.button(p('reloadLatest')).click();
  await page.getByText(p('editingVersion', { version: 3 }), exact).waitFor();
  expect(await page.getByLabel(p('emoji.policy'), exact).inputValue()).toBe('none');
  expect(await page.getByLabel(p('voice.maxExclamations'), exact).inputValue()).toBe('');

  // Version 1, still open, restored: it becomes version 4, and the form shows it.
  await history.getByRole('button', { name: p('history.restore', { version: 1 }), ...exact }).click();
  await me.expectStatus(p('restored', { old: 1, version: 4 }));
  await expect.poll(() => history.locator('.charter-versions > li').count()).toBe(4);
  await page.getByText(p('prefer.empty'), exact).waitFor();
  expect((await me.api('GET', `/workspaces/${wid}/charter`)).charter).toEqual(Charter.parse({ voice: { address: 'tu' } }));

  // A content creator reads the charter in sentences, with nothing to change it.
  const creatorVisit = await newVisitor(browser, server, locale);
  const cpage = creatorVisit.page;
  await cpage.setViewportSize({ width: 1280, height: 900 });
  const creator = ui(cpage, lang);
  await cpage.goto(new URL(creatorLink).pathname);
  await creator.acceptInvitation(names.creator, 'creator password 1');
  await creator.heading(names.workspace).waitFor();
  await creator.goTo('charter');
  await cpage.getByText(p('readOnly'), exact).waitFor();
  await cpage.getByRole('heading', { name: p('inForce', { version: 4 }), ...exact }).waitFor();
  await cpage.getByText(p('describe.address.tu'), exact).waitFor();
  expect(await cpage.getByRole('button', { name: p('save'), ...exact }).count()).toBe(0);
  expect(await cpage.getByRole('textbox').count()).toBe(0);
  expect(await cpage.getByRole('button', { name: p('history.restore', { version: 1 }), ...exact }).count()).toBe(0);
  await shoot(cpage, 'read', lang);

  await creatorVisit.context.close();
  await visit.context.close();
  await team.context.close();
}
