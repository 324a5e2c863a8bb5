/**
 * YouTube Data API v3 errors (developers.google.com/youtube/v3/docs/errors): `{error: {code, message, errors:
 * [{reason, domain, message}]}}`. The reason decides the kind; the message is YouTube's own.
 */
import { ConnectorError, kindForStatus } from '../errors.js';

interface GoogleError {
  error?: { code?: number; message?: string; errors?: Array<{ reason?: string; message?: string }> };
}

/** Daily quotas reset at midnight Pacific time (developers.google.com/youtube/v3/getting-started#quota). */
export function nextPacificMidnight(now: number): number {
  const pacific = new Date(new Date(now).toLocaleString('en-US', { timeZone: 'America/Los_Angeles' }));
  const offset = new Date(now).getTime() - pacific.getTime();
  const midnight = new Date(pacific);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime() + offset;
}

export function youtubeError(status: number, body: unknown, now: number): ConnectorError {
  const e = (body as GoogleError | null)?.error;
  const reason = e?.errors?.[0]?.reason;
  const said = (e?.message ?? e?.errors?.[0]?.message ?? `HTTP ${status}`).replace(/<[^>]*>/g, '');
  const opts = { status, networkCode: reason };
  // A channel's uploads through the API are limited over 24 hours (YouTube developer news: "try again in 24 hours").
  if (reason === 'uploadLimitExceeded') {
    return new ConnectorError('youtube', 'rate_limited', `${said} YouTube limits a channel's uploads over 24 hours; try again in 24 hours.`, { ...opts, retryAfterMs: 24 * 3600_000 });
  }
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') {
    const at = nextPacificMidnight(now);
    return new ConnectorError('youtube', 'rate_limited', `${said} YouTube's daily quota is used up; wait until ${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC (midnight Pacific time).`, {
      ...opts, retryAfterMs: at - now,
    });
  }
  if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') {
    return new ConnectorError('youtube', 'rate_limited', `${said} Wait a minute before trying again.`, { ...opts, retryAfterMs: 60_000 });
  }
  if (status === 401 || reason === 'authError') {
    return new ConnectorError('youtube', 'auth_expired', `${said} Connect the YouTube channel again.`, opts);
  }
  if (reason === 'commentsDisabled') {
    return new ConnectorError('youtube', 'rejected', `${said} The video's owner has turned its comments off.`, opts);
  }
  if (reason === 'insufficientPermissions') {
    return new ConnectorError('youtube', 'forbidden', `${said} Connect the channel again and grant Ruche every permission Google asks for.`, opts);
  }
  // Another refusal of the account's rights (a video or comment of another channel): the permissions are not the cause.
  if (status === 403) return new ConnectorError('youtube', 'forbidden', said, opts);
  return new ConnectorError('youtube', kindForStatus(status), status >= 500 ? `${said} (HTTP ${status})` : said, opts);
}
