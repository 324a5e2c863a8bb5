/**
 * The editorial calendar as a community manager uses it, in either language: every post readable on its status
 * colour in the month, week and list views, one clock format, accounts and images on each post, campaigns
 * labelled once, the filters folded behind a counting button, the week view opening at working hours with a
 * "now" line and crowded hours kept readable, and posts without a time planned by dragging them onto a day or
 * from the keyboard, never into the past; an empty calendar invites a first post, and on a phone the calendar opens
 * on the posts to come and names the next one beyond its period. The network is the in-memory test network.
 */
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { newVisitor, type Server } from './harness.js';
import { typeWhen, typedTime, ui, type Lang } from './helpers.js';
import { HOSTILE, seedCalendar } from './calendar-fixture.js';
import type { TestRuche } from '../helpers/ruche.js';
import type { LocalNetwork } from '../helpers/local-network.js';

const ZONE = 'Europe/Paris';
const CLOCK = /^\d{2}:\d{2}$/;

export interface CalendarWords {
  owner: string;
  workspace: string;
  campaign: string;
  close: [string, string, string];
  image: string;
  draft: string;
  unplanned: [string, string];
  published: string;
  failed: string;
  /** Planned beyond this week, and two months or more ahead: what a phone must still show or name. */
  nextWeek: string;
  far: string;
}

/** WCAG contrast ratio between an element's text and the first opaque background behind it. */
async function contrast(text: Locator): Promise<number> {
  return text.evaluate((el) => {
    const channels = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const fg = channels(getComputedStyle(el).color);
    let bg = [255, 255, 255];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const c = channels(getComputedStyle(node).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] >= 0.5)) {
        bg = c;
        break;
      }
    }
    const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  });
}

async function expectReadable(page: Page, selector: string) {
  const texts = page.locator(selector);
  const count = await texts.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) expect(await contrast(texts.nth(i)), `${selector} #${i}`).toBeGreaterThanOrEqual(4.5);
}

/**
 * Presses the mouse on one element and releases it on another, in small steps as a hand would. Returns whether
 * the calendar showed the "not allowed" pointer over the target.
 */
/** Drags a post onto a cell and says whether the calendar refused the drop, waiting a moment for the answer expected. */
async function drag(page: Page, from: Locator, to: Locator, expectRefused: boolean): Promise<boolean> {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 12, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  // On a loaded machine the calendar marks a refused drop a few frames after the pointer arrives.
  const refused = await page
    .waitForFunction((want) => document.body.classList.contains('fc-not-allowed') === want, expectRefused, { timeout: 3000 })
    .then(() => expectRefused, () => !expectRefused);
  await page.mouse.up();
  return refused;
}

export async function calendarFlow(browser: Browser, server: TestRuche & Server, network: LocalNetwork, lang: Lang, words: CalendarWords) {
  const { context, page } = await newVisitor(browser, server, lang === 'fr' ? 'fr-FR' : 'en-US');
  // Tall enough for the month grid and the list of unplanned posts to be on screen together while dragging.
  await page.setViewportSize({ width: 1366, height: 1300 });
  const me = ui(page, lang);
  const t = me.t;
  await me.setupOwner({ name: words.owner, email: `owner-${lang}@example.com`, password: 'owner password 1', workspace: words.workspace });
  // An empty calendar says so and invites a first post, with no list of unplanned posts to speak of.
  await me.goTo('calendar');
  await page.getByRole('heading', { name: t('calendar.emptyTitle'), exact: true }).waitFor();
  await page.getByRole('link', { name: t('calendar.firstPost'), exact: true }).waitFor();
  expect(await page.getByRole('region', { name: t('calendar.unscheduled') }).count()).toBe(0);
  const fx = await seedCalendar(page, me, server, network, ZONE, words);
  await page.reload();
  const api = (id: string) => me.api('GET', `/workspaces/${fx.wid}/posts/${id}`);
  const dayCell = (day: DateTime) => page.locator(`.fc-daygrid-day[data-date="${day.toISODate()}"]`);
  // "Today" is disabled while the current period is already shown.
  const goToday = async () => {
    const today = me.button(t('calendar.today'));
    if (await today.isEnabled()) await today.click();
  };
  const plannedStatus = (post: string) => t('calendar.planned', { post, when: '@' }).split('@')[0].trim();
  const showDay = async (day: DateTime) => {
    if (!(await page.locator(`[data-date="${day.toISODate()}"]`).count())) await me.button(t('calendar.next')).click();
    await page.locator(`[data-date="${day.toISODate()}"]`).first().waitFor();
  };

  // The zone is named as people say it, not by its IANA name.
  await page.getByText(t('calendar.zone', { zone: t('zone.label', { city: 'Paris' }) }), { exact: true }).waitFor();

  // Month view: dark text on every status colour, 24-hour times, accounts with their network, the image.
  await me.button(t('calendar.month')).click();
  await showDay(fx.morning);
  await me.calendarPost(words.close[0]).waitFor();
  await expectReadable(page, '.fc-daygrid .post-event .post-event-title');
  await expectReadable(page, '.fc-daygrid .post-event .post-event-time');
  for (const time of await page.locator('.fc-daygrid .post-event-time').allTextContents()) expect(time).toMatch(CLOCK);
  expect(await me.calendarPost(words.close[0]).locator('.post-event-time').textContent()).toBe('09:00');
  const first = me.calendarPost(words.close[0]);
  expect(await first.locator('.account-avatar svg').count()).toBe(2);
  expect(await first.textContent()).toContain('@brand.local (Bluesky)');
  expect(await first.textContent()).toContain('@quebec.local (Bluesky)');
  expect(await me.calendarPost(words.image).locator('img.post-event-thumb').getAttribute('src')).toMatch(/^\/api\/v1\/workspaces\/[^/]+\/media\/[^/]+\/file$/);
  // The campaign's name is on its bar, never on the tint behind the days (where it covered the day numbers).
  await page.locator('.campaign-bar').filter({ hasText: words.campaign }).first().waitFor();
  expect((await page.locator('.fc-bg-event').allTextContents()).join('')).toBe('');

  // Hostile text stays text, in the list of posts without a time as everywhere.
  const unplanned = page.getByRole('region', { name: t('calendar.unscheduled') });
  await unplanned.getByText(HOSTILE.slice(0, 30)).waitFor();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();

  // The filters fold behind one button that counts those in use.
  const toggle = page.getByRole('button', { name: new RegExp(`^${t('calendar.filters.title')}`) });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await page.getByLabel(t('calendar.filters.status'), { exact: true }).isVisible()).toBe(false);
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await page.getByLabel(t('calendar.filters.status'), { exact: true }).selectOption({ label: t('postStatus.draft') });
  await expect.poll(() => me.calendarPost(words.close[0]).count()).toBe(0);
  await me.calendarPost(words.draft).waitFor();
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await toggle.textContent()).toContain(t('calendar.filters.active_one', { count: 1 }));
  await me.button(t('calendar.filters.clear')).click();
  await me.calendarPost(words.close[0]).waitFor();
  expect(await toggle.textContent()).not.toContain(t('calendar.filters.active_one', { count: 1 }));

  // Dragging a draft without a time onto a day plans it there at 09:00; the list no longer holds it.
  const target = fx.morning.plus({ days: 2 });
  await showDay(target);
  const idea = unplanned.locator('.unplanned-post').filter({ hasText: words.unplanned[0] });
  expect(await drag(page, idea, dayCell(target), false)).toBe(false);
  await me.expectStatus(plannedStatus(words.unplanned[0]));
  await expect.poll(async () => (await api(fx.ids.unplanned1)).scheduledAt).toBe(target.set({ hour: 9 }).toUTC().toISO());
  expect((await api(fx.ids.unplanned1)).status).toBe('draft');
  await expect.poll(() => idea.count()).toBe(0);
  await me.calendarPost(words.unplanned[0]).waitFor();

  // Nothing goes into the past: neither a post of the list nor a draft already on the calendar.
  await me.button(t('calendar.previous')).click();
  const longAgo = page.locator('.fc-daygrid-day.fc-day-past').first();
  const hostile = unplanned.locator('.unplanned-post').filter({ hasText: HOSTILE.slice(0, 30) });
  // The calendar itself refuses the drop: the server, which refuses it too, is not even asked.
  const refused = (key: string) => page.getByRole('alert').filter({ hasText: t(key, { message: '@' }).split('@')[0].trim() });
  expect(await drag(page, hostile, longAgo, true)).toBe(true);
  await page.waitForTimeout(300);
  expect((await api(fx.ids.hostile)).scheduledAt).toBeNull();
  expect(await refused('calendar.planFailed').count()).toBe(0);
  await goToday();
  const draftAt = (await api(fx.ids.draft)).scheduledAt;
  const yesterday = dayCell(DateTime.now().setZone(ZONE).minus({ days: 1 }));
  const draft = me.calendarPost(words.draft);
  // At the edges of a month grid, yesterday or the draft's day can be off screen: nothing to drop then.
  if ((await yesterday.count()) && (await draft.count())) {
    expect(await drag(page, draft, yesterday, true)).toBe(true);
    await page.waitForTimeout(300);
    expect((await api(fx.ids.draft)).scheduledAt).toBe(draftAt);
    expect(await refused('calendar.moveFailed').count()).toBe(0);
  }

  // From the keyboard: Plan…, a date and time (refused in the past), and the post is on the calendar.
  const withImage = unplanned.locator('.unplanned-post').filter({ hasText: words.unplanned[1] });
  await withImage.getByRole('button', { name: t('calendar.planPost', { post: words.unplanned[1] }) }).focus();
  await page.keyboard.press('Enter');
  const planAt = t('calendar.planAt', { zone: ZONE });
  const when = withImage.getByLabel(planAt, { exact: true });
  await expect.poll(() => when.evaluate((el) => el === document.activeElement)).toBe(true);
  // The day and the time are typed the app language's way, whatever the browser's; the format is said beside them.
  expect(await when.getAttribute('placeholder')).toBe(t('dates.datePattern'));
  await typeWhen(withImage, lang, planAt, DateTime.now().setZone(ZONE).minus({ days: 1 }));
  await withImage.getByRole('button', { name: t('calendar.planSubmit'), exact: true }).click();
  await withImage.getByRole('alert').getByText(t('errors.in_the_past')).waitFor();
  const later = fx.morning.plus({ days: 3 }).set({ hour: 16, minute: 45 });
  await typeWhen(withImage, lang, planAt, later);
  // The time chosen is read back in words in the app's language.
  expect(await when.getAttribute('lang')).toBe(lang);
  expect(await withImage.getByLabel(t('dates.timeOf', { field: planAt }), { exact: true }).inputValue()).toBe(typedTime(lang, later));
  const readBack = (await withImage.locator('.date-words').textContent()) ?? '';
  for (const part of [later.setLocale(lang).toFormat('cccc'), later.setLocale(lang).toFormat('LLLL'), '16:45']) expect(readBack).toContain(part);
  await page.keyboard.press('Enter');
  await me.expectStatus(plannedStatus(words.unplanned[1]));
  await expect.poll(async () => (await api(fx.ids.unplanned2)).scheduledAt).toBe(later.toUTC().toISO());
  await expect.poll(() => withImage.count()).toBe(0);

  // Week view: it opens at working hours (not midnight) with a line at the current time.
  await me.button(t('calendar.week')).click();
  await goToday();
  await page.locator('.fc-timegrid-now-indicator-line').first().waitFor({ state: 'attached' });
  await expect.poll(() => page.locator('.fc-timegrid .fc-scroller-liquid-absolute').first().evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  for (const label of await page.locator('.fc-timegrid-slot-label-cushion').allTextContents()) expect(label).toMatch(CLOCK);
  // Posts minutes apart: the first one is shown full width, a link lists the two others.
  await showDay(fx.morning);
  const column = page.locator(`.fc-timegrid-col[data-date="${fx.morning.toISODate()}"]`);
  const shown = column.locator('.post-event').filter({ hasText: '09:00' });
  await shown.waitFor();
  expect((await shown.boundingBox())!.width).toBeGreaterThan((await column.boundingBox())!.width * 0.6);
  const more = column.locator('.fc-timegrid-more-link');
  expect(await more.getAttribute('title')).toBe(t('calendar.moreHint_other', { count: 2 }));
  await more.click();
  const popover = page.locator('.fc-popover');
  for (const text of words.close.slice(1)) await popover.getByText(text).waitFor();
  await expectReadable(page, '.fc-timegrid .post-event .post-event-time');
  await expectReadable(page, '.fc-popover .post-event .post-event-title');
  // Campaigns have their own row, with the name once for the week.
  expect(await page.locator('.fc-timegrid .campaign-bar').filter({ hasText: words.campaign }).count()).toBe(1);
  await page.keyboard.press('Escape');
  // A post still to come moves to another hour by dragging it; the time of the drop is the one saved.
  const draftDay = DateTime.fromISO((await api(fx.ids.draft)).scheduledAt).setZone(ZONE);
  await showDay(draftDay);
  const draftColumn = page.locator(`.fc-timegrid-col[data-date="${draftDay.toISODate()}"]`);
  const lane = (time: string) => page.locator(`.fc-timegrid-slot-lane[data-time="${time}:00"]`);
  // Both hours on screen: the post's at the top of the scrolling hours, its new one two hours below.
  await lane(draftDay.toFormat('HH:mm')).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const movedTo = draftDay.plus({ hours: 2 });
  const to = (await lane(movedTo.toFormat('HH:mm')).boundingBox())!;
  const event = draftColumn.locator('.post-event').filter({ hasText: words.draft });
  const from = (await event.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 18, { steps: 5 });
  await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.up();
  await me.expectStatus(t('calendar.moved', { post: words.draft, when: '@' }).split('@')[0].trim());
  await expect.poll(async () => (await api(fx.ids.draft)).scheduledAt).toBe(movedTo.toUTC().toISO());

  // List view: the same colours and clock.
  await me.button(t('calendar.list')).click();
  await page.locator('.fc-list-event').first().waitFor();
  await expectReadable(page, '.fc-list-event .post-event-title');
  await expectReadable(page, '.fc-list-event .fc-list-event-time');
  for (const time of await page.locator('.fc-list-event-time').allTextContents()) expect(time).toMatch(CLOCK);
  expect(await page.getByRole('heading', { name: t('calendar.emptyTitle'), exact: true }).count()).toBe(0);

  // On a phone the calendar opens on the posts to come, next week's among them, not on this week alone.
  for (const [body, days] of [[words.nextWeek, 8], [words.far, 75]] as const) {
    await me.api('POST', `/workspaces/${fx.wid}/posts`, { body, accountIds: [fx.account], scheduledAt: fx.morning.plus({ days }).toUTC().toISO() });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const listed = (body: string) => page.locator('.fc-list-event').filter({ hasText: body });
  await listed(words.nextWeek).waitFor();
  expect(await listed(words.far).count()).toBe(0);
  // A period with nothing to come names the next post, and one button shows it, the focus on the new period.
  await me.button(t('calendar.next')).click();
  await page.getByText(t('calendar.nextPost', { when: '@' }).split('@')[0].trim()).waitFor();
  await me.button(t('calendar.showNext')).click();
  await listed(words.far).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('fc-toolbar-title'))).toBe(true);
  expect(await me.button(t('calendar.showNext')).count()).toBe(0);

  await context.close();
}
