/**
 * What the Data API's statistics lack, from the YouTube Analytics API v2 reports.query
 * (developers.google.com/youtube/analytics/reference/reports/query, metrics and channel_reports): minutes watched,
 * average view duration, shares and subscribers gained. Its figures come two or three days late. A refusal that
 * is not the whole connection's (a permission not granted, its quota used up, no answer) leaves them null with
 * the reason, so the Data API's counts still arrive.
 */
import { z } from 'zod';
import { ConnectorError } from '../errors.js';
import { YtUnanswered, type YouTubeApi } from './http.js';
import type { WatchMissingWhy } from '../types.js';

const METRICS = ['estimatedMinutesWatched', 'averageViewDuration', 'shares', 'subscribersGained'] as const;
/** The "Top videos" report a `video` dimension needs: sorted by a metric, at most 200 rows a call. */
const VIDEOS_A_CALL = 200;
/** A channel's totals start on YouTube's first day: no channel has figures before. */
const YOUTUBE_FIRST_DAY = '2005-04-23';

const ResultTable = z.object({
  columnHeaders: z.array(z.object({ name: z.string() })),
  // Absent when the report has no rows.
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))).nullish(),
});

export interface WatchFigures {
  watchMinutes: number | null;
  averageViewSeconds: number | null;
  shares: number | null;
  followersGained: number | null;
}

export type Read<T> = { ok: true; value: T } | { ok: false; missing: string; why: WatchMissingWhy };

const NONE: WatchFigures = { watchMinutes: null, averageViewSeconds: null, shares: null, followersGained: null };

/** Google serves the Analytics API on its own host; another API base (a proxy, a test double) serves both. */
export function analyticsUrl(apiBase: string): string {
  const base = new URL(apiBase).origin === 'https://www.googleapis.com' ? 'https://youtubeanalytics.googleapis.com' : apiBase;
  return new URL('/v2/reports', base).toString();
}

/** Each video's figures since it went out; a video YouTube Analytics has no row for yet is absent from the map. */
export async function videoFigures(api: YouTubeApi, ids: string[]): Promise<Read<Map<string, WatchFigures>>> {
  const out = new Map<string, WatchFigures>();
  for (let i = 0; i < ids.length; i += VIDEOS_A_CALL) {
    const slice = ids.slice(i, i + VIDEOS_A_CALL);
    const read = await report(api, { dimensions: 'video', filters: `video==${slice.join(',')}`, sort: `-${METRICS[0]}`, maxResults: slice.length });
    if (!read.ok) return read;
    for (const row of read.value) out.set(String(row.video), figures(row));
  }
  return { ok: true, value: out };
}

/** The channel's figures since it began. */
export async function channelFigures(api: YouTubeApi): Promise<Read<WatchFigures>> {
  const read = await report(api, {});
  if (!read.ok) return read;
  return { ok: true, value: read.value[0] ? figures(read.value[0]) : { ...NONE } };
}

export const notYetMissing = 'YouTube Analytics has no figures for this video yet: they come two or three days after it goes out.';

function figures(row: Record<string, string | number | null>): WatchFigures {
  const n = (name: string) => (typeof row[name] === 'number' && Number.isFinite(row[name]) ? (row[name] as number) : null);
  return { watchMinutes: n('estimatedMinutesWatched'), averageViewSeconds: n('averageViewDuration'), shares: n('shares'), followersGained: n('subscribersGained') };
}

async function report(api: YouTubeApi, query: Record<string, string | number>): Promise<Read<Array<Record<string, string | number | null>>>> {
  let body: unknown;
  try {
    body = await api.call(analyticsUrl(api.creds.apiBase), {
      absolute: true,
      query: { ids: 'channel==MINE', startDate: YOUTUBE_FIRST_DAY, endDate: new Date(api.now()).toISOString().slice(0, 10), metrics: METRICS.join(','), ...query },
    });
  } catch (err) {
    // The whole connection is dead: the Data API calls fail the same way, and the account must be reconnected.
    if (err instanceof ConnectorError && err.kind === 'auth_expired') throw err;
    if (err instanceof ConnectorError || err instanceof YtUnanswered) return { ok: false, missing: `Watch time and subscribers gained come from YouTube Analytics, which answered: ${err.message}`, why: whyMissing(err) };
    throw err;
  }
  const table = ResultTable.safeParse(body);
  if (!table.success) return { ok: false, missing: 'YouTube Analytics answered with a report Ruche cannot read.', why: 'unavailable' };
  const names = table.data.columnHeaders.map((h) => h.name);
  return { ok: true, value: (table.data.rows ?? []).map((r) => Object.fromEntries(names.map((name, i) => [name, r[i] ?? null]))) };
}

/** A refusal of the permission, a quota used up, or anything else that left YouTube Analytics without an answer. */
function whyMissing(err: ConnectorError | YtUnanswered): WatchMissingWhy {
  if (!(err instanceof ConnectorError)) return 'unavailable';
  if (err.kind === 'forbidden') return 'permission';
  if (err.kind === 'rate_limited') return 'quota';
  return 'unavailable';
}
