import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../store/schema.js';
import { MATRIX } from '../../shared/permissions.js';
import { notify } from '../notifications/notify.js';
import { membersWithRoles } from '../notifications/recipients.js';
import { countTerms, risingTerms, type MinuteSeries, type RadarSignal } from './radar/index.js';
import { LISTENING_WEBHOOK } from './job-names.js';
import { announceListening } from './live.js';
import type { TopicRow } from './topics.js';

/** The alert's curve: the last day in quarter hours, so the spike is seen against the day's rhythm. */
const CURVE_STEP = 15;
const CURVE_POINTS = 96;
/** The rising words compare the alert's window with this much time before it. */
const BASELINE_MS = 7 * 86_400_000;
/** Mentions read to count words, in each period; enough for the ranking, bounded for a huge spike. */
const TERM_SAMPLE = 5_000;
const EVIDENCE_MENTIONS = 20;

export interface AlertEvidence {
  curve: { at: string; count: number; negative: number; positive: number }[];
  rising: { term: string; recent: number; baseline: number; score: number }[];
  mentionIds: string[];
  spread: number;
}

function curveOf(series: MinuteSeries, endMinute: number): AlertEvidence['curve'] {
  const out: AlertEvidence['curve'] = [];
  for (let i = CURVE_POINTS - 1; i >= 0; i--) {
    const to = endMinute - i * CURVE_STEP;
    const c = series.sum(to - CURVE_STEP + 1, to);
    out.push({ at: new Date((to - CURVE_STEP + 1) * 60_000).toISOString(), count: c.total, negative: c.negative, positive: c.positive });
  }
  return out;
}

async function termCounts(db: Kysely<Database>, topicId: string, from: number, to: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('listening_mention_topics as mt').innerJoin('listening_mentions as m', 'm.id', 'mt.mention_id')
    .select('m.terms').where('mt.topic_id', '=', topicId).where('mt.created_at', '>=', from).where('mt.created_at', '<=', to)
    .orderBy('mt.created_at', 'desc').limit(TERM_SAMPLE).execute();
  return countTerms(rows);
}

/** The words, hashtags and sites that rose in a window against the week before it. */
export async function risingIn(db: Kysely<Database>, topicId: string, from: number, to: number, limit = 15) {
  const [recent, before] = await Promise.all([termCounts(db, topicId, from, to), termCounts(db, topicId, from - BASELINE_MS, from - 1)]);
  return risingTerms(recent, before, limit);
}

/** Who is told: the members whose role reads listening. */
async function recipientsOf(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const roles = (Object.keys(MATRIX) as (keyof typeof MATRIX)[]).filter((r) => MATRIX[r].includes('listening.read'));
  return membersWithRoles(db, workspaceId, roles);
}

/**
 * Records an alert with its evidence (the day's curve, the mentions that made it, the words that rose), tells the
 * team in the app and by e-mail, queues the webhook call when the workspace has one, and tells open screens.
 */
export async function raiseAlert(ctx: AppContext, topic: TopicRow, signal: RadarSignal, series: MinuteSeries, now: number): Promise<string> {
  const { db } = ctx.store;
  const from = signal.windowStart * 60_000;
  const to = (signal.windowEnd + 1) * 60_000 - 1;
  const mentions = await db.selectFrom('listening_mention_topics as mt').innerJoin('listening_mentions as m', 'm.id', 'mt.mention_id')
    .select('m.id').where('mt.topic_id', '=', topic.id).where('mt.created_at', '>=', from).where('mt.created_at', '<=', to)
    .$if(signal.kind === 'sentiment_drop', (q) => q.where('mt.sentiment', '=', 'negative'))
    .$if(signal.kind === 'positive_surge', (q) => q.where('mt.sentiment', '=', 'positive'))
    .orderBy('m.reach', 'desc').limit(EVIDENCE_MENTIONS).execute();
  const evidence: AlertEvidence = {
    curve: curveOf(series, signal.windowEnd),
    rising: await risingIn(db, topic.id, from, to),
    mentionIds: mentions.map((m) => m.id),
    spread: signal.spread,
  };
  const id = crypto.randomUUID();
  const minutes = signal.windowEnd - signal.windowStart + 1;
  const share = signal.kind === 'sentiment_drop';
  const webhook = await db.selectFrom('listening_settings').select(['webhook_url', 'email_alerts']).where('workspace_id', '=', topic.workspace_id).executeTakeFirst();
  const recipients = await recipientsOf(db, topic.workspace_id);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('listening_alerts').values({
      id, workspace_id: topic.workspace_id, topic_id: topic.id, kind: signal.kind, score: signal.score,
      observed: signal.observed, expected: signal.expected, window_start: from, window_end: to,
      evidence: JSON.stringify(evidence), acknowledged_by: null, acknowledged_at: null, crisis_id: null, created_at: now,
    }).execute();
    await notify(ctx, trx, {
      workspaceId: topic.workspace_id, kind: 'listening.alert', recipients, object: { type: 'listening_alert', id },
      params: {
        topic: topic.name.slice(0, 80), signal: signal.kind, minutes,
        observed: share ? `${Math.round(signal.observed * 100)}%` : Math.round(signal.observed),
        expected: share ? `${Math.round(signal.expected * 100)}%` : Math.round(signal.expected),
        terms: evidence.rising.slice(0, 5).map((r) => r.term).join(', ').slice(0, 200) || null,
      },
      dedupeKey: `listening-alert:${id}`, now,
    });
    // The workspace turned alert e-mails off: members' own preferences cannot turn them back on.
    if (webhook && Number(webhook.email_alerts) !== 1) {
      await trx.updateTable('notifications').set({ email: 0 }).where('workspace_id', '=', topic.workspace_id).where('dedupe_key', '=', `listening-alert:${id}`).execute();
    }
    if (webhook?.webhook_url) {
      await ctx.jobs.queue.enqueue(LISTENING_WEBHOOK, { alertId: id }, { workspaceId: topic.workspace_id, idempotencyKey: `listening-webhook:${id}`, transaction: trx });
    }
  });
  await announceListening(ctx.store, topic.workspace_id, [topic.id]).catch((err) => ctx.log.warn({ event: 'listening.announce_failed', err }, 'announcing an alert failed'));
  ctx.log.info({ event: 'listening.alert', workspaceId: topic.workspace_id, topicId: topic.id, kind: signal.kind, score: signal.score }, 'listening alert raised');
  return id;
}
