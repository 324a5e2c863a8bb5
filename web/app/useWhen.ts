import { useTranslation } from 'react-i18next';
import { dateTimeInZone, dayInZone, timeInZone, zoneLabel } from '../lib/format.js';
import { browserZone } from '../lib/timezones.js';
import { useSession } from './session.js';
import { useWorkspaceZone } from './workspace.js';

type When = string | number | null | undefined;

/** A date from the API, whether it came as an ISO string or milliseconds, or null. */
function toIso(value: When): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface Clock {
  /** The zone every time is read in: the workspace's (the one posts are planned in), else the browser's. */
  zone: string;
  /** Whether that zone is not the browser's, so that times name it. */
  named: boolean;
  /** The zone's name as times give it ("Paris time"). */
  zoneName: string;
  /** "Fri, Dec 4, 2026, 14:30", followed by "(Paris time)" when the zone is not the reader's. */
  dateTime: (value: When) => string;
  /** The same without the zone: for a list whose heading names the zone once. */
  plainDateTime: (value: When) => string;
  /** "Dec 4, 2026": the day in the zone. */
  date: (value: When) => string;
  /** "Fri 14:30", with the zone named as dateTime does. */
  time: (value: When) => string;
}

/**
 * Dates and times as the whole app writes them: on the workspace's clock, as the composer and the calendar plan
 * posts, in the reader's language, naming the zone where it is not the browser's. Outside a workspace's pages,
 * give the workspace's id (a notification's); without one, the browser's own zone is used.
 */
export function useWhen(workspaceId?: string): Clock {
  const { t, i18n } = useTranslation();
  const open = useWorkspaceZone();
  const { state } = useSession();
  const given = workspaceId && state.status === 'signedIn' ? state.session.memberships.find((m) => m.workspaceId === workspaceId)?.timezone : undefined;
  const own = browserZone();
  const zone = given ?? open ?? own;
  const named = zone !== own;
  const locale = i18n.language;
  const say = (text: string) => (text && named ? t('zone.stamp', { when: text, zone: zoneLabel(t, zone) }) : text);
  return {
    zone,
    named,
    zoneName: zoneLabel(t, zone),
    dateTime: (value) => say(dateTimeInZone(toIso(value), zone, locale)),
    plainDateTime: (value) => dateTimeInZone(toIso(value), zone, locale),
    date: (value) => dayInZone(toIso(value), zone, locale),
    time: (value) => {
      const iso = toIso(value);
      return iso ? say(timeInZone(iso, zone, locale)) : '';
    },
  };
}
