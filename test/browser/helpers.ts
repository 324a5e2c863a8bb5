/**
 * A small language for driving Ruche's web app as a person would: by what is on the screen (roles,
 * labels, headings), in either of its languages. Texts come from the app's own translation files.
 */
import { en, fr } from '../../web/i18n/bundles.js';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { DateTime } from 'luxon';
import type { RoleName } from '../../src/shared/permissions.js';

export type Lang = 'en' | 'fr';
type Dict = Record<string, unknown>;

const dictionaries: Record<Lang, Dict> = { en: en as Dict, fr: fr as Dict };

/** A translated text, looked up like i18next (dotted path, with keys that contain dots allowed at the end). */
export function text(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = dictionaries[lang];
  let rest = key;
  while (typeof node === 'object' && node !== null && rest) {
    const table = node as Dict;
    if (rest in table) {
      node = table[rest];
      rest = '';
      break;
    }
    const dot = rest.indexOf('.');
    if (dot < 0) throw new Error(`no text ${key} in ${lang}`);
    node = table[rest.slice(0, dot)];
    rest = rest.slice(dot + 1);
  }
  if (typeof node !== 'string') throw new Error(`no text ${key} in ${lang}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A day as a member types it in the app's language: 03/12/2026 in French, 12/03/2026 in English. */
export function typedDay(lang: Lang, at: DateTime): string {
  return at.toFormat(lang === 'fr' ? 'dd/MM/yyyy' : 'MM/dd/yyyy');
}

/** A time as a member types it, on the 24-hour clock the app shows in both languages (seconds when asked). */
export function typedTime(_lang: Lang, at: DateTime, seconds = false): string {
  return at.toFormat(seconds ? 'HH:mm:ss' : 'HH:mm');
}

/**
 * Types a day and a time into the app's own date and time pair: the day into the field named `label`, the time into
 * the one named "<label>, time", each the way the page's language writes it.
 */
export async function typeWhen(scope: Page | Locator, lang: Lang, label: string, at: DateTime, seconds = false): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(typedDay(lang, at));
  await scope.getByLabel(text(lang, 'dates.timeOf', { field: label }), { exact: true }).fill(typedTime(lang, at, seconds));
}

/** The errors a page writes to its console (a failed request among them) from now on, to assert there are none. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export type Area = 'members' | 'audit' | 'jobs' | 'calendar' | 'inbox' | 'listening' | 'analytics' | 'reports' | 'charter' | 'settings';

const exact = { exact: true } as const;

export function ui(page: Page, lang: Lang) {
  const t = (key: string, values?: Record<string, string | number>) => text(lang, key, values);
  const heading = (name: string): Locator => page.getByRole('heading', { level: 1, name, ...exact });
  const button = (name: string): Locator => page.getByRole('button', { name, ...exact });

  return {
    t,
    heading,
    button,

    /** The page's title is the one h1, and it holds the focus after navigation. */
    async expectPage(title: string) {
      await expect.poll(() => heading(title).count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    },

    /** The page's title after a typed address or a reload: no one acted yet, so the focus stays where the browser put it. */
    async expectTitle(title: string) {
      await expect.poll(() => heading(title).count()).toBe(1);
    },

    async expectAlert(message: string) {
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
    },

    async expectStatus(message: string) {
      await page.getByRole('status').filter({ hasText: message }).first().waitFor();
    },

    async htmlLang() {
      return page.evaluate(() => document.documentElement.lang);
    },

    async setupOwner(input: { name: string; email: string; password: string; workspace: string }) {
      await page.goto('/');
      await heading(t('setup.title')).waitFor();
      await page.getByLabel(t('setup.name'), exact).fill(input.name);
      await page.getByLabel(t('common.email'), exact).fill(input.email);
      await page.getByLabel(t('common.password'), exact).fill(input.password);
      await page.getByLabel(t('setup.workspaceName'), exact).fill(input.workspace);
      await button(t('setup.submit')).click();
      await heading(input.workspace).waitFor();
    },

    async signIn(email: string, password: string) {
      await heading(t('signin.title')).waitFor();
      await page.getByLabel(t('common.email'), exact).fill(email);
      await page.getByLabel(t('common.password'), exact).fill(password);
      await button(t('signin.submit')).click();
    },

    async openAccountMenu(userName: string) {
      await button(t('menu.account', { name: userName })).click();
    },

    async signOut(userName: string) {
      await button(t('menu.account', { name: userName })).click();
      await page.getByRole('menuitem', { name: t('menu.signOut'), ...exact }).click();
      await heading(t('signin.title')).waitFor();
    },

    async goTo(area: Area) {
      const nav = page.getByRole('navigation', { name: t('nav.label') });
      const title = escape(t(`areas.${area}.title`));
      await nav.getByRole('link', { name: new RegExp(`^${title}( \\(${escape(t('nav.soonLabel'))}\\))?$`) }).click();
      await heading(t(`areas.${area}.title`)).waitFor();
    },

    async goToAccount(userName: string) {
      await button(t('menu.account', { name: userName })).click();
      await page.getByRole('menuitem', { name: t('menu.profile'), ...exact }).click();
      await heading(t('account.title')).waitFor();
    },

    switcher(currentWorkspace: string): Locator {
      return button(t('switcher.label', { name: currentWorkspace }));
    },

    async createWorkspace(from: string, name: string) {
      await button(t('switcher.label', { name: from })).click();
      await page.getByRole('menuitem', { name: t('switcher.new'), ...exact }).click();
      await heading(t('newWorkspace.title')).waitFor();
      await page.getByLabel(t('newWorkspace.name'), exact).fill(name);
      await button(t('newWorkspace.submit')).click();
      await heading(name).waitFor();
    },

    async switchWorkspace(from: string, to: string) {
      await button(t('switcher.label', { name: from })).click();
      await page.getByRole('menuitemradio', { name: to, ...exact }).click();
      await heading(to).waitFor();
    },

    /** Invites someone from the members page and returns the link the page shows. */
    async invite(email: string, role: RoleName): Promise<string> {
      await page.getByLabel(t('invitations.email'), exact).fill(email);
      await page.getByLabel(t('invitations.role'), exact).selectOption({ label: t(`roles.${role}`) });
      await button(t('invitations.submit')).click();
      const link = page.getByLabel(t('invitations.link'), exact);
      await link.waitFor();
      return link.inputValue();
    },

    /** Joins as a newcomer: one form whatever the address, with the name that a new account needs. */
    async acceptInvitation(name: string, password: string) {
      await page.getByLabel(t('setup.name'), exact).fill(name);
      await page.getByLabel(t('common.password'), exact).fill(password);
      await button(t('invite.join')).click();
    },

    async changeRole(memberName: string, role: RoleName) {
      await page.getByLabel(t('members.roleOf', { name: memberName }), exact).selectOption({ label: t(`roles.${role}`) });
      await button(t('members.applyFor', { name: memberName })).click();
      await this.expectStatus(t('members.roleChanged', { name: memberName, role: t(`roles.${role}`) }));
    },

    memberRow(memberName: string): Locator {
      return page.getByRole('row').filter({ has: page.getByRole('cell', { name: memberName }) });
    },

    async changePassword(current: string, next: string) {
      await page.getByLabel(t('account.current'), exact).fill(current);
      await page.getByLabel(t('account.new'), exact).fill(next);
      await page.getByLabel(t('account.repeat'), exact).fill(next);
      await button(t('account.submit')).click();
      await this.expectStatus(t('account.done'));
    },

    async chooseLanguage(to: Lang) {
      await page.getByLabel(t('lang.label'), exact).selectOption(to);
    },

    /** The workspace shown by the page's address (/w/:id/…). */
    workspaceId(): string {
      const match = /\/w\/([^/]+)/.exec(new URL(page.url()).pathname);
      if (!match) throw new Error(`no workspace in ${page.url()}`);
      return decodeURIComponent(match[1]);
    },

    /** Calls Ruche's API with the page's session, as the web app does. */
    async api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
      return page.evaluate(
        async ([m, p, b]) => {
          const res = await fetch(`/api/v1${p}`, {
            method: m,
            headers: { 'Content-Type': 'application/json', 'X-Ruche-CSRF': '1' },
            body: b === undefined ? undefined : JSON.stringify(b),
          });
          return res.status === 204 ? null : res.json();
        },
        [method, path, body] as const,
      );
    },

    async newPost() {
      await this.goTo('calendar');
      await page.getByRole('link', { name: t('calendar.newPost'), ...exact }).click();
      await heading(t('composer.newTitle')).waitFor();
    },

    async pickAccounts(...handles: string[]) {
      const picker = page.getByRole('group', { name: t('composer.accounts') });
      for (const handle of handles) await picker.getByRole('checkbox', { name: new RegExp(`^@${escape(handle)} `) }).check();
    },

    async writeMessage(body: string) {
      await page.getByLabel(t('composer.body'), exact).fill(body);
    },

    /** The live counter of a network under the main text, e.g. "Bluesky: 12 / 300". */
    counter(network: string): Locator {
      return page.locator('.counter').filter({ hasText: new RegExp(`^${escape(network)}`) }).first();
    },

    async expectPostStatus(status: string) {
      await page.locator('.page-header .post-tag').filter({ hasText: t(`postStatus.${status}`) }).waitFor({ timeout: 30_000 });
    },

    /** A post in the calendar grid, by a piece of its text. */
    calendarPost(text: string): Locator {
      return page.locator('.fc-event.post-event').filter({ hasText: text }).first();
    },
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
