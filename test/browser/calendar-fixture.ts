/**
 * A workspace with a calendar worth looking at: two accounts of the in-memory test network, a campaign, posts a
 * few minutes apart, one with an image, one published, one failed, a draft with a time and drafts without one.
 * Times are relative to now, in the workspace's zone.
 */
import { DateTime } from 'luxon';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import type { ui as uiOf } from './helpers.js';
import type { TestRuche } from '../helpers/ruche.js';
import type { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount } from '../helpers/publishing.js';

export const HOSTILE = '<img src=x onerror="window.__hacked=1">Hostile <b>draft</b>';

export interface CalendarFixture {
  wid: string;
  zone: string;
  /** Tomorrow at 09:00 in the workspace's zone, when the first of three close posts goes out. */
  morning: DateTime;
  /** The account most posts go to. */
  account: string;
  ids: Record<string, string>;
}

export async function seedCalendar(
  page: Page,
  me: ReturnType<typeof uiOf>,
  server: TestRuche,
  network: LocalNetwork,
  zone: string,
  words: { campaign: string; close: [string, string, string]; image: string; draft: string; unplanned: [string, string]; published: string; failed: string },
): Promise<CalendarFixture> {
  const wid = me.workspaceId();
  const session = await me.api('GET', '/session');
  await me.api('PATCH', `/workspaces/${wid}`, { timezone: zone });
  const brand = await connectLocalAccount(server, wid, session.user.id, 'brand.local');
  const quebec = await connectLocalAccount(server, wid, session.user.id, 'quebec.local');
  const morning = DateTime.now().setZone(zone).plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  const campaign = await me.api('POST', `/workspaces/${wid}/campaigns`, {
    name: words.campaign, color: '#2e7d32', goal: '', hashtags: ['hive'],
    startsAt: morning.startOf('day').toUTC().toISO(), endsAt: morning.plus({ days: 2 }).endOf('day').toUTC().toISO(),
  });

  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#1a5fd6' } }).png().toBuffer();
  const media = await page.evaluate(
    async ([path, bytes]) => {
      const res = await fetch(`/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Ruche-CSRF': '1' }, body: new Uint8Array(bytes) });
      return res.json();
    },
    [`/workspaces/${wid}/media?fileName=blue.png&alt=${encodeURIComponent('A blue square')}`, [...png]] as const,
  );

  const ids: Record<string, string> = {};
  const create = async (key: string, body: string, extra: Record<string, unknown>) => {
    const post = await me.api('POST', `/workspaces/${wid}/posts`, { body, accountIds: [brand], ...extra });
    ids[key] = post.id;
    return post.id as string;
  };
  const plan = async (key: string, body: string, at: DateTime, extra: Record<string, unknown> = {}) => {
    const id = await create(key, body, { scheduledAt: at.toUTC().toISO(), ...extra });
    await me.api('POST', `/workspaces/${wid}/posts/${id}/submit`);
  };
  const sendNow = async (key: string, body: string, accountIds: string[]) => {
    const id = await create(key, body, { accountIds });
    await me.api('POST', `/workspaces/${wid}/posts/${id}/submit`);
    await me.api('POST', `/workspaces/${wid}/posts/${id}/schedule`, { at: 'now' });
  };

  await plan('close1', words.close[0], morning, { campaignId: campaign.id, accountIds: [brand, quebec] });
  await plan('close2', words.close[1], morning.plus({ minutes: 4 }));
  await plan('close3', words.close[2], morning.plus({ minutes: 8 }), { accountIds: [quebec] });
  await plan('image', words.image, morning.set({ hour: 14, minute: 30 }), { mediaIds: [media.id] });
  await create('draft', words.draft, { scheduledAt: morning.plus({ days: 1 }).set({ hour: 11 }).toUTC().toISO() });
  await create('unplanned1', words.unplanned[0], {});
  await create('unplanned2', words.unplanned[1], { mediaIds: [media.id] });
  await create('hostile', HOSTILE, {});
  await sendNow('published', words.published, [brand]);
  // The refusal is for the other account only: the first post may still be on its way out.
  network.failNext('rejected', 'No thanks', 'quebec.local');
  await sendNow('failed', words.failed, [quebec]);
  return { wid, zone, morning, account: brand, ids };
}
