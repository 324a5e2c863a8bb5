/** Posts and campaigns as FullCalendar events: plain functions, no React. */
import { DateTime } from 'luxon';
import type { EventInput } from '@fullcalendar/core';
import type { CampaignView, PostView } from '../../../src/shared/api.js';
import { excerpt } from '../publishing/status.js';

export function postEvents(posts: PostView[], campaigns: CampaignView[], canMove: (p: PostView) => boolean): EventInput[] {
  const colours = new Map(campaigns.map((c) => [c.id, c.color]));
  return posts
    .filter((p) => p.scheduledAt)
    .map((post) => {
      const band = post.campaignId ? colours.get(post.campaignId) : undefined;
      return {
        id: post.id,
        title: excerpt(post.body || post.thread[0] || '…', 50),
        start: post.scheduledAt ?? undefined,
        allDay: false,
        startEditable: canMove(post),
        classNames: ['post-event', `post-${post.status}`, band ? 'post-in-campaign' : ''].filter(Boolean),
        borderColor: band,
        extendedProps: { post },
      };
    });
}

/** Campaigns with a period become coloured bands behind their days, in the workspace's zone. */
export function campaignBands(campaigns: CampaignView[], zone: string): EventInput[] {
  return campaigns
    .filter((c) => c.startsAt && c.endsAt)
    .map((c) => {
      const start = DateTime.fromISO(c.startsAt!).setZone(zone).toISODate();
      const end = DateTime.fromISO(c.endsAt!).setZone(zone).plus({ days: 1 }).toISODate();
      return {
        id: `campaign-${c.id}`,
        title: c.name,
        start: start ?? undefined,
        end: end ?? undefined,
        allDay: true,
        display: 'background',
        backgroundColor: c.color,
        classNames: ['campaign-band'],
      };
    });
}
