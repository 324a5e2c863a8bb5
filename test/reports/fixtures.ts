import type { Dashboard, DaySeriesPoint, Figure, PostPerformance } from '../../src/modules/analytics/types.js';
import type { ReportData, ReportWorkspace } from '../../src/modules/reports/report-data.js';

/** Hand-made dashboards for the renderers: figures whose printed form the tests can predict. */

const fig = (value: number | null, previous: number | null, formula: string): Figure => ({
  value, previous, changePct: value !== null && previous ? ((value - previous) / Math.abs(previous)) * 100 : null, formula,
});

const DAY = 86_400_000;
export const MARCH_2026 = { start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 3, 1) };

function days(start: number, count: number, base: number): DaySeriesPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const engagement = base + ((i * 37) % 23) + (i % 7 === 5 ? 30 : 0);
    return {
      day: new Date(start + i * DAY).toISOString().slice(0, 10), engagement, likes: Math.round(engagement * 0.6), reposts: Math.round(engagement * 0.25),
      replies: Math.round(engagement * 0.15), quotes: 0, views: 0, posts: i % 3 === 0 ? 1 : 0, followers: 1200 + i * 4,
    };
  });
}

export function post(id: string, text: string, engagement: number, extra: Partial<PostPerformance> = {}): PostPerformance {
  return {
    id, accountId: 'acc1', network: 'bluesky', handle: 'brand.bsky.social', url: `https://bsky.app/profile/brand/post/${id}`, text, imageUrl: null,
    publishedAt: '2026-03-12T09:30:00.000Z', likes: Math.round(engagement * 0.6), reposts: Math.round(engagement * 0.3), replies: engagement - Math.round(engagement * 0.6) - Math.round(engagement * 0.3),
    quotes: 0, views: null, engagement, engagementRate: (engagement / 1200) * 100, campaignId: null, labels: [], watch: null, ...extra,
  };
}

export function dashboard(workspaceId: string, overrides: Partial<Dashboard> = {}): Dashboard {
  const p = MARCH_2026;
  return {
    scope: { workspaceId }, timezone: 'Europe/Paris', period: p, comparison: 'previous', comparisonPeriod: { start: Date.UTC(2026, 1, 1), end: p.start },
    publishing: {
      posts: fig(11, 9, 'posts'), engagement: fig(1534, 1210, 'engagement'), likes: fig(921, 800, 'likes'), reposts: fig(384, 250, 'reposts'),
      replies: fig(229, 160, 'replies'), quotes: fig(0, 0, 'quotes'), views: fig(null, null, 'views'),
      engagementRateFollowers: fig(4.27, 4.9, 'engagementRateFollowers'), engagementRateViews: fig(null, null, 'engagementRateViews'),
      followers: fig(1324, 1200, 'followers'), followerGrowth: fig(124, 80, 'followerGrowth'), followerGrowthPct: fig(10.33, 7.1, 'followerGrowthPct'),
    },
    series: days(p.start, 31, 35), comparisonSeries: days(Date.UTC(2026, 1, 1), 28, 28),
    topPosts: [
      post('p1', 'Notre nouvelle collection printemps est arrivée ! Découvrez les pièces phares en boutique dès samedi.', 412),
      post('p2', 'Thank you all for 1,000 followers 🎉 — here is a look behind the scenes of our workshop.', 305, { network: 'mastodon', handle: 'brand@social.example' }),
      post('p3', 'Quiz du vendredi : quelle est la capitale de la Bretagne ?', 198),
    ],
    flopPosts: [],
    bestTimes: Array.from({ length: 7 * 24 }, (_, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, posts: 1, meanEngagement: Math.max(0, 40 - Math.abs((i % 24) - 12) * 3 - Math.floor(i / 24) * 2) })),
    byNetwork: [
      { key: 'bluesky', label: 'Bluesky', posts: 8, engagement: 1100, engagementRateFollowers: 4.6 },
      { key: 'mastodon', label: 'Mastodon', posts: 3, engagement: 434, engagementRateFollowers: 3.2 },
    ],
    byAccount: [{ key: 'acc1', label: '@brand.bsky.social', posts: 8, engagement: 1100, engagementRateFollowers: 4.6 }],
    byCampaign: [], byLabel: [],
    inbox: {
      volume: fig(286, 240, 'inboxVolume'), responseRate: fig(91.5, 87, 'responseRate'), firstResponseMinutes: fig(42, 58, 'firstResponseMinutes'),
      moderationActions: fig(14, 9, 'moderationActions'), complaints: fig(6, 8, 'complaints'), negativeShare: fig(7.3, 9.1, 'inboxNegativeShare'),
    },
    listening: {
      volume: fig(1480, 1302, 'listeningVolume'), positiveShare: fig(38.2, 35, 'positiveShare'), negativeShare: fig(11.4, 12.9, 'listeningNegativeShare'),
      shareOfVoice: [
        { topicId: 't1', name: 'Brand A', kind: 'brand', color: '#2b6cb0', mentions: 620, share: 41.9 },
        { topicId: 't2', name: 'Concurrent Ébène', kind: 'competitor', color: '#dd6b20', mentions: 510, share: 34.5 },
        { topicId: 't3', name: 'Other rival', kind: 'competitor', color: '#718096', mentions: 350, share: 23.6 },
      ],
      sentimentByDay: Array.from({ length: 31 }, (_, i) => ({ day: new Date(p.start + i * DAY).toISOString().slice(0, 10), positive: 15 + (i % 5), neutral: 25 + (i % 4), negative: 4 + (i % 3) })),
    },
    ...overrides,
  };
}

export function workspace(id: string, name: string, overrides: Partial<ReportWorkspace> = {}): ReportWorkspace {
  return {
    workspaceId: id, name, timezone: 'Europe/Paris', logo: null, dashboard: dashboard(id), yearOverYear: dashboard(id, {
      comparison: 'year_before',
      publishing: { ...dashboard(id).publishing, engagement: fig(1534, 900, 'engagement'), followers: fig(1324, 700, 'followers') },
    }),
    objectives: [
      { id: 'o1', name: '500 new followers on Bluesky', metric: 'followers_gained', network: 'bluesky', comparison: 'at_least', target: 500, relative: false, progress: { current: 124, forecast: 372, forecastMethod: 'linear', elapsed: 1, status: 'behind' } },
      { id: 'o2', name: 'First response under one hour', metric: 'first_response_minutes', network: null, comparison: 'at_most', target: 60, relative: false, progress: { current: 42, forecast: 42, forecastMethod: 'level', elapsed: 1, status: 'met' } },
      { id: 'o3', name: '+15 % engagement rate', metric: 'engagement_rate', network: null, comparison: 'at_least', target: 15, relative: true, progress: { current: 12.8, forecast: 12.8, forecastMethod: 'level', elapsed: 1, status: 'on_track' } },
    ],
    images: new Map(),
    ...overrides,
  };
}

export const ALL_SECTIONS = ['cover', 'summary', 'objectives', 'key_figures', 'engagement_chart', 'followers_chart', 'top_posts', 'best_times', 'networks', 'community', 'listening', 'analysis', 'recommendations'] as const;

export function reportData(locale: 'en' | 'fr', overrides: Partial<ReportData> = {}): ReportData {
  return {
    id: 'r1', title: locale === 'fr' ? 'Bilan de mars' : 'March review', locale, period: 'month', periodStart: MARCH_2026.start - 3600_000, periodEnd: MARCH_2026.end - 7200_000,
    sections: [...ALL_SECTIONS], brandColor: '#2b6cb0', generatedAt: Date.UTC(2026, 3, 1, 8),
    texts: {
      summary: locale === 'fr' ? 'Un mois porté par la collection printemps : l’engagement progresse de 27 %.' : 'A month carried by the spring collection: engagement is up 27%.',
      analysis: locale === 'fr' ? 'Les publications du vendredi fonctionnent le mieux.\n\nLes réponses sont plus rapides qu’en février.' : 'Friday posts work best.\n\nReplies are faster than in February.',
      recommendations: locale === 'fr' ? 'Publier deux fois le vendredi ; préparer le lancement d’avril.' : 'Post twice on Fridays; prepare the April launch.',
    },
    workspaces: [workspace('w1', 'Brand A')],
    ...overrides,
  };
}
