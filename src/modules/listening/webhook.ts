import crypto from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../jobs/index.js';
import { LISTENING_WEBHOOK } from './job-names.js';

/** Headers a receiver checks: HMAC-SHA256 of `<timestamp>.<body>` with the workspace's secret, hex. */
export const SIGNATURE_HEADER = 'X-Ruche-Signature';
export const TIMESTAMP_HEADER = 'X-Ruche-Timestamp';

const KIND_TEXT: Record<string, string> = {
  volume_spike: 'Spike in mentions',
  sentiment_drop: 'Sentiment is dropping',
  positive_surge: 'Surge of positive mentions',
};

export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface AlertForWebhook {
  id: string;
  kind: string;
  topic: string;
  observed: number;
  expected: number;
  score: number;
  windowStart: number;
  windowEnd: number;
  rising: string[];
  link: string;
}

/**
 * The JSON an incoming webhook receives. `text` is what Slack's and Teams' incoming webhooks show (both accept a bare
 * `text`); `ruche` carries the alert's figures for a receiver that acts on them. Network content is left out: only
 * the topic's name and counts, and the words that rose, which the receiver shows as plain text.
 */
export function webhookBody(alert: AlertForWebhook): string {
  const share = alert.kind === 'sentiment_drop';
  const figure = (v: number) => (share ? `${Math.round(v * 100)}% negative` : `${Math.round(v)} mentions`);
  const lines = [
    `${KIND_TEXT[alert.kind] ?? 'Listening alert'} on "${alert.topic}": ${figure(alert.observed)} where about ${figure(alert.expected)} is usual.`,
    alert.rising.length > 0 ? `Rising: ${alert.rising.slice(0, 8).join(', ')}` : null,
    alert.link,
  ].filter(Boolean);
  return JSON.stringify({
    text: lines.join('\n'),
    ruche: {
      type: 'listening.alert', id: alert.id, kind: alert.kind, topic: alert.topic, observed: alert.observed, expected: alert.expected,
      score: Math.round(alert.score * 100) / 100, windowStart: new Date(alert.windowStart).toISOString(), windowEnd: new Date(alert.windowEnd).toISOString(),
      rising: alert.rising, link: alert.link,
    },
  });
}

/** Calls the workspace's webhook for one alert, through the guarded client; retried with backoff when it fails. */
export function webhookJob(ctx: AppContext) {
  return defineJob({
    type: LISTENING_WEBHOOK,
    version: 1,
    schema: z.object({ alertId: z.string().min(1) }),
    maxAttempts: 6,
    timeoutMs: 60_000,
    async run({ alertId }, job) {
      const { db } = ctx.store;
      const alert = await db.selectFrom('listening_alerts as a').innerJoin('listening_topics as t', 't.id', 'a.topic_id')
        .select(['a.id', 'a.workspace_id', 'a.kind', 'a.observed', 'a.expected', 'a.score', 'a.window_start', 'a.window_end', 'a.evidence', 't.name'])
        .where('a.id', '=', alertId).executeTakeFirst();
      if (!alert) return { skipped: 'gone' };
      const settings = await db.selectFrom('listening_settings').select(['webhook_url', 'webhook_secret']).where('workspace_id', '=', alert.workspace_id).executeTakeFirst();
      if (!settings?.webhook_url) return { skipped: 'no webhook' };
      const evidence = JSON.parse(alert.evidence) as { rising?: { term: string }[] };
      const body = webhookBody({
        id: alert.id, kind: alert.kind, topic: alert.name, observed: Number(alert.observed), expected: Number(alert.expected), score: Number(alert.score),
        windowStart: Number(alert.window_start), windowEnd: Number(alert.window_end), rising: (evidence.rising ?? []).map((r) => r.term),
        link: `${ctx.config.publicUrl.replace(/\/$/, '')}/w/${encodeURIComponent(alert.workspace_id)}/listening/alerts/${encodeURIComponent(alert.id)}`,
      });
      const timestamp = String(Math.floor(ctx.clock.now() / 1000));
      const headers: Record<string, string> = { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp };
      if (settings.webhook_secret) headers[SIGNATURE_HEADER] = signPayload(ctx.sealer.open(settings.webhook_secret), timestamp, body);
      const res = await ctx.guardedFetch(settings.webhook_url, { method: 'POST', headers, body, redirect: 'error', signal: job.signal }, { maxBytes: 64 * 1024, timeoutMs: 15_000 });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`The webhook answered ${res.status}.`);
      return { status: res.status };
    },
  });
}
