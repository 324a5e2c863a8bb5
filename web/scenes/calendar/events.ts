/** Posts and campaigns as FullCalendar events, and the times a drop gives: plain functions, no React. */
import { DateTime } from 'luxon';
import type { EventInput } from '@fullcalendar/core';
import type { CampaignView, PostView } from '../../../src/shared/api.js';
import { excerpt } from '../publishing/status.js';

/** How long a post stands on the day and week grids: a post is an instant, drawn tall enough to read. */
const SHOWN_MINUTES = 30;

export function postEvents(posts: PostView[], campaigns: CampaignView[], canMove: (p: PostView) => boolean, now: number, zone: string): EventInput[] {
  const colours = new Map(campaigns.map((c) => [c.id, c.color]));
  return posts
    .filter((p) => p.scheduledAt)
    .map((post) => {
      const band = post.campaignId ? colours.get(post.campaignId) : undefined;
      // A post whose time has passed stays where it is: it can no more be moved than planned in the past.
      const movable = canMove(post) && Date.parse(post.scheduledAt!) > now;
      return {
        id: post.id,
        title: excerpt(post.body || post.thread[0] || '…', 80),
        start: post.scheduledAt ?? undefined,
        end: shownUntil(post.scheduledAt!, zone),
        allDay: false,
        display: 'block',
        startEditable: movable,
        classNames: ['post-event', `post-${post.status}`, band ? 'post-in-campaign' : '', movable ? 'post-movable' : ''].filter(Boolean),
        borderColor: band,
        extendedProps: { post },
      };
    });
}

/**
 * The end of a post's box: half an hour on, but never past midnight in the workspace's zone, so that a post
 * planned late in the evening is drawn on its own day only and not again at the top of the next.
 */
function shownUntil(startIso: string, zone: string): string {
  const start = DateTime.fromISO(startIso).setZone(zone);
  const end = DateTime.min(start.plus({ minutes: SHOWN_MINUTES }), start.plus({ days: 1 }).startOf('day'));
  return end.toUTC().toISO()!;
}

/**
 * Campaigns with a period: a light tint behind their days, and one labelled bar per week row (never a label on
 * every day, nor over the day numbers). The list view gets neither.
 */
export function campaignEvents(campaigns: CampaignView[], zone: string, withBars: boolean): EventInput[] {
  return campaigns
    .filter((c) => c.startsAt && c.endsAt)
    .flatMap((c) => {
      const start = DateTime.fromISO(c.startsAt!).setZone(zone).toISODate() ?? undefined;
      const end = DateTime.fromISO(c.endsAt!).setZone(zone).plus({ days: 1 }).toISODate() ?? undefined;
      const tint: EventInput = {
        id: `campaign-${c.id}`, start, end, allDay: true, display: 'background', backgroundColor: c.color, classNames: ['campaign-band'],
      };
      const bar: EventInput = {
        id: `campaign-bar-${c.id}`, title: c.name, start, end, allDay: true, display: 'block', editable: false, interactive: false,
        backgroundColor: tintOf(c.color, 0.22), borderColor: c.color, textColor: '#1d1a14', classNames: ['campaign-bar'],
        extendedProps: { campaign: c },
      };
      return withBars ? [tint, bar] : [];
    });
}

/** A campaign's colour mixed with white: dark text stays readable on it whatever the colour picked. */
export function tintOf(hex: string, amount: number): string {
  const rgb = parseHex(hex) ?? [128, 128, 128];
  const mixed = rgb.map((v) => Math.round(255 - (255 - v) * amount));
  return `#${mixed.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return null;
  const full = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** Where a post lands when dropped: a day of the month grid keeps the post's time of day, a slot gives its own time. */
export function droppedAt(target: Date, allDay: boolean, zone: string, original: Date | null): DateTime {
  const at = DateTime.fromJSDate(target).setZone(zone);
  if (!allDay) return at;
  const day = DateTime.fromISO(at.toISODate()!, { zone });
  if (!original) return day;
  const was = DateTime.fromJSDate(original).setZone(zone);
  return day.set({ hour: was.hour, minute: was.minute });
}

export const DEFAULT_PLAN_HOUR = 9;

/**
 * The time a post without one gets when dropped on a whole day: 09:00 in the workspace's zone, or on today once
 * 09:00 has passed, the next quarter of an hour at least ten minutes ahead; null for a day that is over.
 */
export function planTimeForDay(day: DateTime, zone: string, now: number): DateTime | null {
  const morning = DateTime.fromISO(day.setZone(zone).toISODate()!, { zone }).set({ hour: DEFAULT_PLAN_HOUR });
  if (morning.toMillis() > now) return morning;
  const soon = DateTime.fromMillis(now + 10 * 60_000, { zone });
  const quarter = soon.startOf('hour').plus({ minutes: Math.ceil(soon.minute / 15) * 15 });
  return quarter.hasSame(morning, 'day') ? quarter : null;
}

/** Where the week and day views open: an hour before now during the day, else the start of office hours. */
export function scrollTimeAt(now: number, zone: string): string {
  const hour = DateTime.fromMillis(now, { zone }).hour;
  const from = hour >= 8 && hour <= 20 ? hour - 1 : 8;
  return `${String(from).padStart(2, '0')}:00:00`;
}

/** What the calendar says above its period: nothing, the next post after it, or an invitation to write one. */
export type CalendarHint = { kind: 'none' } | { kind: 'next'; post: PostView } | { kind: 'empty' };

/**
 * `posts` are the period's and those without a time; `next` is the first post after the period. The next post is
 * named when the period holds none still to come; the invitation only when there is nothing at all to show from
 * now on, with no filter hiding posts.
 */
export function calendarHint(input: { posts: PostView[]; next: PostView | null; filtered: boolean; periodEnd: string; now: number }): CalendarHint {
  const { posts, next, filtered, periodEnd, now } = input;
  if (posts.some((p) => p.scheduledAt && Date.parse(p.scheduledAt) >= now)) return { kind: 'none' };
  if (next) return { kind: 'next', post: next };
  if (posts.length === 0 && !filtered && Date.parse(periodEnd) > now) return { kind: 'empty' };
  return { kind: 'none' };
}
