import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { CampaignView, PostView } from '../../../src/shared/api.js';
import { calendarHint, campaignEvents, droppedAt, planTimeForDay, postEvents, scrollTimeAt, tintOf } from './events.js';

const ZONE = 'Europe/Paris';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

function post(over: Partial<PostView>): PostView {
  return {
    id: 'p1', status: 'scheduled', body: 'Hello', thread: [], labels: [], language: null, campaignId: null,
    scheduledAt: '2031-03-12T09:00:00.000Z', version: 1, author: { id: 'u1', name: 'Olga' }, createdAt: '', updatedAt: '',
    publishedAt: null, targets: [], media: [],
    approval: { required: false, complete: true, currentStep: null, missing: 0, changesRequested: false, canDecide: false },
    charterReview: null,
    ...over,
  };
}

describe('calendar events', () => {
  it('lets only future posts be dragged, whatever their status', () => {
    const now = Date.parse('2031-03-12T10:00:00Z');
    const [past, future, draftPast] = postEvents(
      [post({ id: 'a' }), post({ id: 'b', scheduledAt: '2031-03-12T11:00:00Z' }), post({ id: 'c', status: 'draft' })],
      [], () => true, now, ZONE,
    );
    expect(past.startEditable).toBe(false);
    expect(future.startEditable).toBe(true);
    expect(draftPast.startEditable).toBe(false);
  });

  it('leaves posts without a time out of the grid', () => {
    expect(postEvents([post({ scheduledAt: null })], [], () => true, 0, ZONE)).toEqual([]);
  });

  it("draws a post half an hour long, ending at the workspace's midnight when it is planned late in the evening", () => {
    const [day, late] = postEvents(
      [post({ id: 'a', scheduledAt: '2031-03-12T09:00:00.000Z' }), post({ id: 'b', scheduledAt: at('2031-03-12T23:48').toUTC().toISO()! })],
      [], () => true, 0, ZONE,
    );
    expect(day.end).toBe('2031-03-12T09:30:00.000Z');
    expect(at(late.end as string).setZone(ZONE).toISO()).toBe('2031-03-13T00:00:00.000+01:00');
  });

  it('draws a campaign as a tint and one labelled bar, neither in the list view', () => {
    const campaign = { id: 'c', name: 'Spring', color: '#2e7d32', goal: '', hashtags: ['spring'], startsAt: '2031-03-10T08:00:00Z', endsAt: '2031-03-12T20:00:00Z' } as CampaignView;
    const events = campaignEvents([campaign], ZONE, true);
    expect(events.map((e) => e.display)).toEqual(['background', 'block']);
    expect(events[1]).toMatchObject({ title: 'Spring', start: '2031-03-10', end: '2031-03-13', editable: false });
    expect(events[0].title).toBeUndefined();
    expect(campaignEvents([campaign], ZONE, false)).toEqual([]);
  });

  it('lightens a campaign colour enough for dark text', () => {
    expect(tintOf('#000000', 0.2)).toBe('#cccccc');
    expect(tintOf('#2e7d32', 0)).toBe('#ffffff');
    expect(tintOf('not a colour', 1)).toBe('#808080');
  });

  it('keeps the time of day when a post is dropped on a day of the month', () => {
    const day = at('2031-03-14T00:00').toJSDate();
    const original = at('2031-03-12T09:30').toJSDate();
    expect(droppedAt(day, true, ZONE, original).toISO()).toBe('2031-03-14T09:30:00.000+01:00');
    expect(droppedAt(at('2031-03-14T15:15').toJSDate(), false, ZONE, original).toISO()).toBe('2031-03-14T15:15:00.000+01:00');
  });

  it('plans a post dropped on a whole day at 09:00, later today, or not on a day gone by', () => {
    const morning = at('2031-03-12T07:00').toMillis();
    expect(planTimeForDay(at('2031-03-12T00:00'), ZONE, morning)?.toISO()).toBe('2031-03-12T09:00:00.000+01:00');
    const afternoon = at('2031-03-12T14:07').toMillis();
    expect(planTimeForDay(at('2031-03-12T00:00'), ZONE, afternoon)?.toISO()).toBe('2031-03-12T14:30:00.000+01:00');
    expect(planTimeForDay(at('2031-03-13T00:00'), ZONE, afternoon)?.toISO()).toBe('2031-03-13T09:00:00.000+01:00');
    expect(planTimeForDay(at('2031-03-11T00:00'), ZONE, afternoon)).toBeNull();
    expect(planTimeForDay(at('2031-03-12T00:00'), ZONE, at('2031-03-12T23:55').toMillis())).toBeNull();
  });

  it('opens the day an hour before now during the day, at 08:00 otherwise', () => {
    expect(scrollTimeAt(at('2031-03-12T14:20').toMillis(), ZONE)).toBe('13:00:00');
    expect(scrollTimeAt(at('2031-03-12T03:00').toMillis(), ZONE)).toBe('08:00:00');
    expect(scrollTimeAt(at('2031-03-12T22:00').toMillis(), ZONE)).toBe('08:00:00');
  });

  it('names the next post when the period has none to come, and invites a first post only on an empty calendar', () => {
    const now = Date.parse('2031-03-12T10:00:00Z');
    const periodEnd = '2031-03-19T00:00:00Z';
    const later = post({ id: 'later', scheduledAt: '2031-04-02T09:00:00Z' });
    const hint = (posts: PostView[], next: PostView | null, filtered = false, end = periodEnd) => calendarHint({ posts, next, filtered, periodEnd: end, now }).kind;
    expect(hint([post({ scheduledAt: '2031-03-13T09:00:00Z' })], later)).toBe('none');
    expect(hint([], later)).toBe('next');
    expect(hint([post({ scheduledAt: '2031-03-12T08:00:00Z' })], later)).toBe('next');
    expect(hint([], null)).toBe('empty');
    // An idea without a time, a filter, or a period already over: not an empty calendar.
    expect(hint([post({ scheduledAt: null, status: 'draft' })], null)).toBe('none');
    expect(hint([], null, true)).toBe('none');
    expect(hint([], null, false, '2031-03-01T00:00:00Z')).toBe('none');
  });
});
