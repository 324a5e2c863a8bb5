import type { Figure } from './types.js';

/**
 * The formulas, pure. Each figure names its formula with an i18n key under analytics.formulas, which the web app
 * and the PDF write next to it.
 */
export const FORMULAS = {
  posts: 'posts',
  engagement: 'engagement',
  likes: 'likes',
  reposts: 'reposts',
  replies: 'replies',
  quotes: 'quotes',
  views: 'views',
  engagementRateFollowers: 'engagementRateFollowers',
  engagementRateViews: 'engagementRateViews',
  followers: 'followers',
  followerGrowth: 'followerGrowth',
  followerGrowthPct: 'followerGrowthPct',
  inboxVolume: 'inboxVolume',
  responseRate: 'responseRate',
  firstResponseMinutes: 'firstResponseMinutes',
  moderationActions: 'moderationActions',
  complaints: 'complaints',
  inboxNegativeShare: 'inboxNegativeShare',
  listeningVolume: 'listeningVolume',
  positiveShare: 'positiveShare',
  listeningNegativeShare: 'listeningNegativeShare',
  shareOfVoice: 'shareOfVoice',
} as const;

/** Change in percent against the previous value; none when that value is 0 or unknown. */
export function changePct(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return ((value - previous) / Math.abs(previous)) * 100;
}

export function figure(value: number | null, previous: number | null, formula: string): Figure {
  return { value, previous, changePct: changePct(value, previous), formula };
}

/** part ÷ whole × 100, none when the whole is 0 or unknown. */
export function percent(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return (part / whole) * 100;
}

/** likes + reposts + replies + quotes; quotes count 0 where the network does not count them. */
export function engagementOf(p: { likes: number; reposts: number; replies: number; quotes: number | null }): number {
  return p.likes + p.reposts + p.replies + (p.quotes ?? 0);
}

/** One post's engagement ÷ its account's followers when it was published × 100; none when those are unknown. */
export function postEngagementRate(engagement: number, followersAtPublish: number | null): number | null {
  return followersAtPublish && followersAtPublish > 0 ? (engagement / followersAtPublish) * 100 : null;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A driver's sum or count (PostgreSQL sends numerics and bigints as text) as a number, null kept. */
export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export const int = (v: unknown): number => num(v) ?? 0;
