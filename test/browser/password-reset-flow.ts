/**
 * A forgotten password, as a person goes through it in either language: "Forgot your password?" on the sign-in
 * page, the e-mail (caught by a real SMTP server in the test), the page the link opens, and the link spent.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newVisitor, type Server } from './harness.js';
import { ui, type Lang } from './helpers.js';
import { readableMail, type startSmtp } from '../helpers/smtp.js';

type Inbox = Awaited<ReturnType<typeof startSmtp>>['inbox'];

export async function shoot(page: Page, name: string, lang: Lang) {
  for (const [width, height, tag] of [[1366, 900, 'desktop'], [390, 844, 'mobile']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/${name}-${tag}-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const exact = { exact: true } as const;
const localeOf = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');

export async function passwordResetFlow(browser: Browser, server: Server, inbox: Inbox, lang: Lang, who: { name: string; email: string; workspace: string }) {
  // The device where the owner is signed in, and forgets the password later.
  const first = await newVisitor(browser, server, localeOf(lang));
  await ui(first.page, lang).setupOwner({ name: who.name, email: who.email, password: 'the old password 1', workspace: who.workspace });

  // Another device: the sign-in page offers a way out.
  const { page } = await newVisitor(browser, server, localeOf(lang));
  await page.setViewportSize({ width: 1366, height: 900 });
  const me = ui(page, lang);
  const t = me.t;
  await page.goto('/signin');
  await me.expectTitle(t('signin.title'));
  await page.getByLabel(t('common.email'), exact).fill(who.email);
  await shoot(page, 'reset-signin', lang);
  await page.getByRole('link', { name: t('signin.forgot'), ...exact }).click();
  await me.expectPage(t('forgot.title'));
  // The address typed on the sign-in page comes along.
  expect(await page.getByLabel(t('common.email'), exact).inputValue()).toBe(who.email);
  await shoot(page, 'reset-forgot', lang);
  await me.button(t('forgot.submit')).click();
  await me.expectStatus(t('forgot.sent', { email: who.email, minutes: 60 }));
  await shoot(page, 'reset-sent', lang);

  // The mail arrives in the language of the page, with the link.
  const mails = () => inbox.filter((m) => m.to.includes(who.email)).map((m) => readableMail(m.raw));
  await expect.poll(() => mails().length, { timeout: 15_000 }).toBe(1);
  expect(mails()[0]).toContain(lang === 'fr' ? 'Choisir un nouveau mot de passe pour Ruche' : 'Choose a new password for Ruche');
  const link = /(http:\/\/\S+\/reset-password\/\S+)/.exec(mails()[0])?.[1];
  expect(link).toBeDefined();

  await page.goto(new URL(link!).pathname);
  await me.expectTitle(t('reset.title'));
  await page.getByText(t('reset.intro', { email: who.email })).waitFor();
  await page.getByLabel(t('account.new'), exact).fill('too short');
  await page.getByLabel(t('account.repeat'), exact).fill('too short');
  await me.button(t('reset.submit')).click();
  await me.expectAlert(t('setup.tooShort'));
  await page.getByLabel(t('account.new'), exact).fill('a brand new passphrase');
  await page.getByLabel(t('account.repeat'), exact).fill('a brand new passphrase');
  await shoot(page, 'reset-choose', lang);
  await me.button(t('reset.submit')).click();
  // Signed in here, on the workspace.
  await me.heading(who.workspace).waitFor();

  // The first device was signed out.
  await first.page.reload();
  await ui(first.page, lang).heading(t('signin.title')).waitFor();
  // The old password no longer works; the new one does.
  await ui(first.page, lang).signIn(who.email, 'the old password 1');
  await ui(first.page, lang).expectAlert(t('errors.invalid_credentials'));
  await first.page.getByLabel(t('common.password'), exact).fill('a brand new passphrase');
  await ui(first.page, lang).button(t('signin.submit')).click();
  await ui(first.page, lang).heading(who.workspace).waitFor();

  // The link works once.
  const later = await newVisitor(browser, server, localeOf(lang));
  await later.page.goto(new URL(link!).pathname);
  const them = ui(later.page, lang);
  await them.expectTitle(t('reset.invalidTitle'));
  await later.page.getByText(t('reset.invalid')).waitFor();
  await shoot(later.page, 'reset-spent', lang);
  await later.page.getByRole('link', { name: t('reset.again'), ...exact }).click();
  await them.expectPage(t('forgot.title'));
}

/** Without e-mail, the page says who can reset the password, and how. */
export async function noEmailFlow(browser: Browser, server: Server, lang: Lang) {
  const { page } = await newVisitor(browser, server, localeOf(lang));
  await page.setViewportSize({ width: 1366, height: 900 });
  const me = ui(page, lang);
  const t = me.t;
  await page.goto('/signin');
  await page.getByLabel(t('common.email'), exact).fill('someone@example.com');
  await page.getByRole('link', { name: t('signin.forgot'), ...exact }).click();
  await me.expectPage(t('forgot.title'));
  await page.getByText(t('forgot.noEmail')).waitFor();
  await page.getByText('npm run ruche -- admin reset-password --email someone@example.com').waitFor();
  expect(await page.getByRole('textbox').count()).toBe(0);
  await shoot(page, 'reset-no-email', lang);
  await page.getByRole('link', { name: t('forgot.back'), ...exact }).click();
  await me.expectPage(t('signin.title'));
}
