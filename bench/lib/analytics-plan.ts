import { DateTime } from 'luxon';

/**
 * What the analytics benchmark's data looks like, decided in one place and deterministically, so that both
 * databases hold the same brand history: 100 accounts in 10 workspaces, posts over two years at the hours people
 * post (mornings, lunch, early evening; fewer at weekends), engagement heavy-tailed, some posts in campaigns and
 * labelled, a few with views, and counts that grow the way a post's do (fast in its first hours, slowly after).
 */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const YEARS = 2;

/** Deterministic, so that both databases hold the same history. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(r: () => number) {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export interface SeedWorkspace {
  id: string;
  timezone: string;
  /** Even indexes are Bluesky accounts, odd ones Mastodon (the inbox seed makes the first two). */
  accounts: string[];
  campaigns: Array<{ id: string; name: string; startsAt: number; endsAt: number }>;
  topics: Array<{ id: string; name: string; kind: 'brand' | 'competitor' }>;
}

export interface SeedPlan {
  version: string;
  now: number;
  ownerEmail: string;
  ownerId: string;
  workspaces: SeedWorkspace[];
  posts: number;
  snapshots: number;
  inboxItemsPerWorkspace: number;
  /** Minutes between two listening rows of a topic, on average. */
  listeningStep: number;
  /** Listening mentions seeded per workspace (absent: not yet). */
  mentionsPerWorkspace?: number;
  /** How long seeding took and what it wrote, so that a later run on the kept data still reports it. */
  seeded?: Record<string, number>;
}

export const TIMEZONES = ['Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'America/Montreal', 'Europe/Paris', 'UTC', 'Europe/Paris', 'America/Montreal', 'Europe/Paris', 'Europe/Brussels'];
const LABELS = ['promo', 'event', 'tips', 'product', 'coulisses', 'contest'];
const SUBJECTS = ['notre nouvelle gamme', 'the spring launch', 'le salon de Lyon', 'our customer stories', 'la rentrée', 'a behind-the-scenes look', 'le concours d’été', 'tips for beginners'];

/**
 * When collection reads a post's counts, as offsets from its publication: every 15 min for 6 h, hourly to 48 h,
 * every 6 h to 7 days, daily to 30 days, weekly to 90 days, then monthly — with `h`, the share of its final
 * engagement a post has at that age (85 % in its first hours, the rest over weeks).
 */
export const READS: Array<{ offset: number; h: number }> = (() => {
  const offsets: number[] = [];
  const steps: Array<[number, number]> = [[15 * 60_000, 6 * HOUR], [HOUR, 48 * HOUR], [6 * HOUR, 7 * DAY], [DAY, 30 * DAY], [7 * DAY, 90 * DAY], [30 * DAY, (YEARS * 365 + 40) * DAY]];
  let t = 0;
  for (const [step, until] of steps) while (t + step <= until) offsets.push((t += step));
  return offsets.map((offset) => ({ offset, h: 0.85 * (1 - Math.exp(-offset / (8 * HOUR))) + 0.15 * (1 - Math.exp(-offset / (7 * DAY))) }));
})();

/** How many reads a post of this age has had. */
export function readsAt(age: number): number {
  let lo = 0, hi = READS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (READS[mid]!.offset <= age) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The kept reads' indexes: spread over the reads made, the first and the last always kept. */
export function keptRead(j: number, n: number, m: number): number {
  return n === 1 ? m - 1 : Math.floor((j * (m - 1)) / (n - 1));
}

/** An account's followers over time: a base drawn heavy-tailed, steady growth, a little daily noise. */
export function followersAt(account: number, t: number, now: number): number {
  const { base, growth } = audience(account);
  const elapsed = Math.max(0, 1 - (now - t) / (YEARS * 365 * DAY));
  return Math.floor(base * (1 + growth * elapsed + Math.sin(t / (3 * DAY) + account) * 0.002) + 0.5);
}

/** An account's audience: its followers two years ago (heavy-tailed) and how much it grew since. */
export function audience(account: number) {
  return { base: 400 + Math.floor(60_000 * rng(77 + account)() ** 3), growth: 0.15 + 0.6 * rng(99 + account)() };
}

export interface PlannedPost {
  id: string;
  workspaceId: string;
  accountId: string;
  network: 'bluesky' | 'mastodon';
  externalId: string;
  text: string;
  campaignId: string | null;
  labels: string[];
  publishedAt: number;
  followersAtPublish: number;
  /** Final counts the curve tends to; a read at index k holds floor(final × READS[k].h). */
  final: { likes: number; reposts: number; replies: number; quotes: number | null; views: number | null };
  /** Reads made so far (m) and snapshots kept (n ≤ m). */
  m: number;
  n: number;
  gone: number;
}

/** The counts a post has at read k. */
export function countsAt(p: PlannedPost, k: number) {
  const h = READS[k]!.h;
  return {
    likes: Math.floor(p.final.likes * h),
    reposts: Math.floor(p.final.reposts * h),
    replies: Math.floor(p.final.replies * h),
    quotes: p.final.quotes === null ? null : Math.floor(p.final.quotes * h),
    views: p.final.views === null ? null : Math.floor(p.final.views * h),
  };
}

/** Hours people post at, local time: weights per hour of the day. */
const HOUR_WEIGHTS = [0.1, 0.05, 0.02, 0.02, 0.02, 0.1, 0.4, 1.2, 2.2, 2.0, 1.5, 1.6, 2.4, 1.8, 1.3, 1.2, 1.4, 2.0, 2.2, 1.8, 1.3, 0.9, 0.5, 0.2];
const HOUR_CUMULATIVE = HOUR_WEIGHTS.map(((s) => (w: number) => (s += w))(0));

function postingHour(r: () => number) {
  const x = r() * HOUR_CUMULATIVE[23]!;
  return HOUR_CUMULATIVE.findIndex((c) => x < c);
}

/** One account's posts, oldest first. `global` numbers the account across the install. */
export function accountPosts(plan: SeedPlan, w: number, a: number, count: number): PlannedPost[] {
  const ws = plan.workspaces[w]!;
  const global = w * ws.accounts.length + a;
  const r = rng(5000 + global);
  const network = a % 2 === 0 ? 'bluesky' : 'mastodon';
  const span = YEARS * 365;
  const posts: PlannedPost[] = [];
  // How engaging this account is, per follower.
  const accountRate = Math.exp(Math.log(0.01) + 0.6 * normal(r));
  while (posts.length < count) {
    const daysAgo = Math.floor(r() * span);
    const local = DateTime.fromMillis(plan.now - daysAgo * DAY, { zone: ws.timezone }).startOf('day');
    // Fewer posts at weekends.
    if (local.weekday >= 6 && r() < 0.6) continue;
    const publishedAt = local.set({ hour: postingHour(r), minute: Math.floor(r() * 60), second: Math.floor(r() * 60) }).toMillis();
    if (publishedAt > plan.now - HOUR) continue;
    const i = posts.length;
    const followers = followersAt(global, publishedAt, plan.now);
    // Heavy-tailed: most posts do a little, a few do a lot.
    const engagement = Math.min(followers * 2, followers * accountRate * Math.exp(1.1 * normal(r)) + (r() < 0.01 ? followers * 0.3 * r() : 0));
    const inCampaign = r() < 0.18 ? ws.campaigns.find((c) => publishedAt >= c.startsAt && publishedAt < c.endsAt) ?? null : null;
    const labels = r() < 0.3 ? [LABELS[Math.floor(r() * LABELS.length)]!, ...(r() < 0.3 ? [LABELS[Math.floor(r() * LABELS.length)]!] : [])] : [];
    const hostile = r() < 0.002;
    posts.push({
      id: `ap-${global.toString(36)}-${i.toString(36)}`,
      workspaceId: ws.id,
      accountId: ws.accounts[a]!,
      network,
      externalId: network === 'bluesky' ? `at://did:plc:bench${global}/app.bsky.feed.post/${i.toString(36)}` : `${1e15 + global * 1e6 + i}`,
      text: hostile
        ? `<script>alert("x")</script> ${'\u202e'}Ceci n’est pas un lien ](javascript:alert(1)) ${'🐝'.repeat(3)}`
        : `${['Découvrez', 'Discover', 'Retour sur', 'Looking back at', 'Bientôt', 'Coming soon:'][i % 6]} ${SUBJECTS[Math.floor(r() * SUBJECTS.length)]} #ruche${global % 7}`,
      campaignId: inCampaign?.id ?? null,
      labels: [...new Set(labels)],
      publishedAt,
      followersAtPublish: followers,
      final: {
        likes: engagement * 0.68,
        reposts: engagement * 0.14,
        replies: engagement * 0.12,
        quotes: network === 'bluesky' ? engagement * 0.06 : null,
        views: r() < 0.1 ? engagement * (25 + 60 * r()) : null,
      },
      m: readsAt(plan.now - publishedAt),
      n: 0,
      gone: r() < 0.005 ? 1 : 0,
    });
  }
  return posts.sort((x, y) => x.publishedAt - y.publishedAt);
}

/**
 * Every post of the install, with how many snapshots each keeps so that they add up to exactly `plan.snapshots`:
 * collection stores a read only when the counts moved (or a long time passed), so lively posts keep more of their
 * reads than quiet ones.
 */
export function allPosts(plan: SeedPlan): PlannedPost[] {
  const perAccount = Math.floor(plan.posts / (plan.workspaces.length * plan.workspaces[0]!.accounts.length));
  const posts: PlannedPost[] = [];
  for (let w = 0; w < plan.workspaces.length; w++) {
    for (let a = 0; a < plan.workspaces[w]!.accounts.length; a++) posts.push(...accountPosts(plan, w, a, perAccount));
  }
  const weight = (p: PlannedPost) => p.m * (0.2 + 0.8 * Math.min(1, Math.log10(2 + p.final.likes) / 3));
  const totalReads = posts.reduce((s, p) => s + p.m, 0);
  const target = Math.min(plan.snapshots, totalReads);
  const scale = target / posts.reduce((s, p) => s + weight(p), 0);
  let sum = 0;
  for (const p of posts) {
    // The first read is always stored (counts moved from nothing), and the last one holds the post's counts.
    p.n = Math.max(Math.min(2, p.m), Math.min(p.m, Math.floor(weight(p) * scale)));
    sum += p.n;
  }
  // What rounding left over, spread one by one over posts that have reads to spare (or taken back).
  for (let i = 0; sum !== target; i = (i + 1) % posts.length) {
    const p = posts[i]!;
    if (sum < target && p.n < p.m) (p.n++, sum++);
    else if (sum > target && p.n > Math.min(2, p.m)) (p.n--, sum--);
  }
  return posts;
}

/** The day (YYYY-MM-DD) a time falls on in a zone; cached by quarter hour since offsets change on those. */
export function dayIn(zone: string) {
  const cache = new Map<number, string>();
  return (t: number) => {
    const key = Math.floor(t / 900_000);
    let day = cache.get(key);
    if (day === undefined) {
      day = DateTime.fromMillis(key * 900_000, { zone }).toISODate()!;
      cache.set(key, day);
    }
    return day;
  };
}
