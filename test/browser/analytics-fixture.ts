/**
 * What the analytics browser tests stand on: a workspace with a Bluesky and a Mastodon account whose posts were
 * read by collection (posts stored unread, then their counts applied through collection's own rollup, so the
 * snapshots, the daily rollup and the posts agree), hourly follower counts, a campaign and labels, an inbox with
 * answered and unanswered items, and listening topics with their mentions. The dates follow the clock: the last
 * 60 days and the same weeks a year before, so "last 30 days" and both comparisons have something to show.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';
import { applyAccountSnapshot, applySnapshots, type PostReading } from '../../src/modules/analytics/collect/rollup.js';
import { account, author, campaign, item, mention, moderation, post, topic, topicMinute } from '../analytics/figures/fixture.js';
import type { TestRuche } from '../helpers/ruche.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Network texts are hostile: this one must show as text, never become an element. */
export const HOSTILE_TEXT = 'Look <img src=x onerror="window.__pwned=1"> at our new hive';
/** The best post of the last 30 days, by far: what a drill-down from its day shows first. */
export const STAR_TEXT = 'Spring launch: the new honey jars are here';

export interface AnalyticsSeed {
  workspaceId: string;
  zone: string;
  bluesky: string;
  mastodon: string;
  campaignId: string;
  /** The star post's id and when it went out. */
  star: { id: string; publishedAt: number };
  hostile: { id: string; publishedAt: number };
}

/** A repeatable sequence of numbers in [0, 1): the same figures on every run. */
function sequence(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Planned {
  account: string;
  network: string;
  at: number;
  text: string;
  campaign: string | null;
  labels: string[];
  /** Final counts; readings grow towards them. */
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
  views: number | null;
  followers: number;
}

const ROUNDS = [HOUR, 6 * HOUR, DAY, 3 * DAY];

export async function seedAnalytics(server: TestRuche, workspaceId: string, now = Date.now()): Promise<AnalyticsSeed> {
  const db = server.ctx.store.db as Kysely<Database>;
  const w = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const zone = w.timezone;
  const random = sequence(20261205);
  const bluesky = await account(db, workspaceId, 'bluesky', 'honeybrand.bsky.social');
  // A handle read from a network: written here as a hostile one would be.
  const mastodon = await account(db, workspaceId, 'mastodon', 'honey<b>brand</b>@mastodon.example');
  const campaignId = await campaign(db, workspaceId, 'Spring launch');

  const followersAt = (acc: string, t: number) => {
    const base = acc === bluesky ? 4200 : 1300;
    const perDay = acc === bluesky ? 9 : 3;
    return Math.round(base - ((now - t) / DAY) * perDay);
  };

  const planned: Planned[] = [];
  const plan = (acc: string, at: number, text: string, extra: Partial<Planned> = {}) => {
    const network = acc === bluesky ? 'bluesky' : 'mastodon';
    const likes = Math.round(5 + random() * 60);
    planned.push({
      account: acc, network, at, text, campaign: null, labels: [],
      likes, reposts: Math.round(random() * likes * 0.3), replies: Math.round(random() * 8),
      quotes: network === 'bluesky' ? Math.round(random() * 3) : null, views: null, followers: followersAt(acc, at), ...extra,
    });
  };
  // The last 60 days (this period and the previous one) and the same weeks a year before, at varied hours.
  const windows = [{ from: 1, to: 60 }, { from: 360, to: 400 }];
  for (const { from, to } of windows) {
    for (let d = from; d <= to; d += 1) {
      const day = now - d * DAY;
      const hour = [9, 12, 18][d % 3];
      const at = day - (day % DAY) + hour * HOUR - 3 * HOUR * (d % 2);
      plan(bluesky, at, `Daily tip #${d}: keep your bees calm`, d % 4 === 0 ? { campaign: campaignId, labels: ['tips'] } : { labels: ['tips'] });
      if (d % 2 === 0) plan(mastodon, at + 2 * HOUR, `Behind the scenes, day ${d}`, { labels: ['team'] });
    }
  }
  const starAt = now - 6 * DAY - (now % HOUR);
  plan(bluesky, starAt, STAR_TEXT, { likes: 900, reposts: 210, replies: 64, quotes: 31, campaign: campaignId, labels: ['launch'] });
  const hostileAt = now - 9 * DAY;
  plan(mastodon, hostileAt, HOSTILE_TEXT, { likes: 3, reposts: 0, replies: 1 });

  // Posts are stored unread; collection's rollup then reads them round after round.
  const ids: string[] = [];
  for (const p of planned) {
    ids.push(await post(db, workspaceId, { account: p.account, network: p.network, at: new Date(p.at).toISOString(), likes: 0, reposts: 0, replies: 0,
      quotes: null, campaign: p.campaign, labels: p.labels, text: p.text }));
  }
  for (const [round, age] of ROUNDS.entries()) {
    const share = (round + 1) / ROUNDS.length;
    const rows = await db.selectFrom('analytics_posts').selectAll().where('workspace_id', '=', workspaceId).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const readings: PostReading[] = [];
    planned.forEach((p, i) => {
      const takenAt = p.at + age;
      if (takenAt > now) return;
      const row = byId.get(ids[i])!;
      const grow = (n: number) => Math.round(n * share);
      readings.push({
        post: { ...row, likes: Number(row.likes), reposts: Number(row.reposts), replies: Number(row.replies), collect_count: Number(row.collect_count) },
        metrics: { likes: grow(p.likes), reposts: grow(p.reposts), replies: grow(p.replies), quotes: p.quotes === null ? null : grow(p.quotes), views: p.views },
        takenAt,
        followersAtPublish: p.followers,
      });
    });
    await applySnapshots(db, readings, zone);
  }

  // Follower counts, read once a day at noon UTC, for the windows above.
  for (const acc of [bluesky, mastodon]) {
    for (const { from, to } of windows) {
      for (let d = to; d >= Math.max(0, from - 1); d -= 1) {
        const takenAt = now - d * DAY - ((now - d * DAY) % DAY) + 12 * HOUR;
        if (takenAt > now) continue;
        await applyAccountSnapshot(db, { accountId: acc, workspaceId, takenAt, followers: followersAt(acc, takenAt), following: 180, posts: null }, zone);
      }
    }
  }

  // The inbox: questions, most of them answered within the hour, a complaint, moderation actions.
  const someone = await author(db, workspaceId);
  for (let d = 1; d <= 58; d += 1) {
    const at = new Date(now - d * DAY).toISOString();
    await item(db, workspaceId, someone, { account: d % 3 ? bluesky : mastodon, kind: d % 5 ? 'reply' : 'mention', at,
      replyAfterMin: d % 4 ? 20 + (d % 7) * 9 : undefined, sentiment: d % 6 ? 'positive' : 'negative', complaint: d % 11 === 0 });
    if (d % 9 === 0) await moderation(db, workspaceId, at, 'done');
  }

  // Listening: the brand against a competitor, with mentions of varied sentiment.
  const brand = await topic(db, workspaceId, 'Honey brand', 'brand');
  const rival = await topic(db, workspaceId, 'Rival apiary', 'competitor');
  for (let d = 1; d <= 58; d += 1) {
    const at = new Date(now - d * DAY).toISOString();
    await topicMinute(db, brand, at, 4 + (d % 5));
    await topicMinute(db, rival, at, 2 + (d % 3));
    await mention(db, workspaceId, someone, at, ['positive', 'neutral', 'negative'][d % 3]);
  }

  const starId = ids[planned.findIndex((p) => p.text === STAR_TEXT)];
  const hostileId = ids[planned.findIndex((p) => p.text === HOSTILE_TEXT)];
  return { workspaceId, zone, bluesky, mastodon, campaignId, star: { id: starId, publishedAt: starAt }, hostile: { id: hostileId, publishedAt: hostileAt } };
}
