/**
 * Connecting a Facebook Page or an Instagram account as a person does from Settings > Accounts: the permissions
 * dialog, the Meta Graph fake's own Facebook Login page (test/connectors/meta-fake-oauth.ts), then the picker back
 * in Ruche. Suites that need a Meta app point Ruche at the fake with `useMetaFake`.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ui, type Lang } from './helpers.js';
import type { MetaFake } from '../connectors/meta-fake.js';

/** What an installer sets to point Ruche at Meta, here at the fake. */
export const metaEnv = (fake: MetaFake) => ({
  RUCHE_META_APP_ID: fake.app.id, RUCHE_META_APP_SECRET: fake.app.secret, RUCHE_META_API_BASE: fake.apiBase,
  RUCHE_META_AUTHORIZE_URL: `${fake.apiBase}/dialog/oauth`, RUCHE_META_TOKEN_URL: `${fake.apiBase}/oauth/access_token`,
});

/** Starts the fake before the suite's Ruche (which reads the app from its environment) and stops it after. */
export function useMetaFake(fake: MetaFake): void {
  beforeAll(async () => {
    await fake.start();
    Object.assign(process.env, metaEnv(fake));
  });
  afterAll(async () => {
    for (const name of Object.keys(metaEnv(fake))) delete process.env[name];
    await fake.close();
  });
}

export interface MetaConnection {
  network: 'Facebook' | 'Instagram';
  /** The Page (or the Page whose Instagram account) to choose in the picker. */
  choose: string;
  /** The button that starts it; Connect <network> on the accounts page by default (Reconnect on a row, say). */
  start?: Locator;
  /** Looks at the permissions dialog before going on to Meta. */
  atPermissions?: (dialog: Locator) => Promise<void>;
  /** Looks at the picker before choosing. */
  atPicker?: (picker: Locator) => Promise<void>;
}

/** From the accounts page: permissions, Meta's Allow, the picker, and Ruche saying the account is connected. */
export async function connectThroughMeta(page: Page, lang: Lang, c: MetaConnection): Promise<void> {
  const me = ui(page, lang);
  const t = me.t;
  await (c.start ?? page.getByRole('button', { name: t('connect.connect', { network: c.network }) })).click();
  const permissions = page.getByRole('dialog', { name: t('connect.permissionsTitle', { network: c.network }) });
  await permissions.waitFor();
  await c.atPermissions?.(permissions);
  await permissions.getByRole('button', { name: t('connect.continue', { network: c.network }) }).click();
  // The fake's Facebook Login page, then back to the picker.
  await page.getByRole('button', { name: 'Allow' }).click();
  const picker = page.getByRole('dialog', { name: t('connect.pickerTitle', { network: c.network }) });
  const choice = picker.getByRole('button', { name: t('connect.choose', { name: c.choose }) });
  await choice.waitFor();
  await c.atPicker?.(picker);
  await choice.click();
  await me.expectStatus(t('connect.connected', { name: c.choose }));
}
