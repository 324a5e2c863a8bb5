import { describe, expect, it } from 'vitest';
import type { Stats, TopAuthor } from './api.js';
import { sentimentRows, sortAuthors, totalsOf, volumeRows } from './stats-view.js';

const stats = {
  from: '2026-01-01T00:00:00Z',
  to: '2026-01-01T03:00:00Z',
  bucket: 'hour',
  volume: {
    buckets: ['2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z'],
    series: [
      { topicId: 'a', name: 'Brand', color: '#111111', kind: 'brand', total: [2, 5, 0], negative: [1, 3, 0], positive: [0, 1, 0] },
      { topicId: 'b', name: 'Rival', color: '#222222', kind: 'competitor', total: [1, 0, 4], negative: [0, 0, 1], positive: [1, 0, 2] },
    ],
  },
  shareOfVoice: [],
  rising: { hashtags: [], links: [], keywords: [] },
  authors: [],
  sources: [],
} satisfies Stats;

describe('dashboard figures', () => {
  it('lists each topic per bucket', () => {
    expect(volumeRows(stats)).toEqual([
      { at: '2026-01-01T00:00:00Z', a: 2, b: 1 },
      { at: '2026-01-01T01:00:00Z', a: 5, b: 0 },
      { at: '2026-01-01T02:00:00Z', a: 0, b: 4 },
    ]);
  });

  it('splits the selected topics by sentiment, neutral being the rest', () => {
    const rows = sentimentRows(stats);
    expect(rows[0]).toEqual({ at: '2026-01-01T00:00:00Z', negative: 1, neutral: 1, positive: 1 });
    expect(rows[1]).toEqual({ at: '2026-01-01T01:00:00Z', negative: 3, neutral: 1, positive: 1 });
    expect(totalsOf(rows)).toEqual({ total: 12, negative: 5, positive: 4, peak: { at: '2026-01-01T01:00:00Z', count: 5 } });
  });

  it('has no peak when nothing was said', () => {
    expect(totalsOf([{ at: 'x', negative: 0, neutral: 0, positive: 0 }]).peak).toBeNull();
  });

  it('ranks authors by the chosen measure, reach being followers', () => {
    const author = (handle: string, followers: number | null, mentions: number, engagement: number, relevance: number): TopAuthor => ({
      id: handle, network: 'bluesky', handle, displayName: null, avatarUrl: null, followers, mentions, engagement, negative: 0, positive: 0, relevance,
    });
    const list = [author('a', 10, 5, 1, 0.2), author('b', null, 9, 50, 0.9), author('c', 5000, 1, 7, 0.5)];
    expect(sortAuthors(list, 'reach').map((a) => a.handle)).toEqual(['c', 'a', 'b']);
    expect(sortAuthors(list, 'mentions').map((a) => a.handle)).toEqual(['b', 'a', 'c']);
    expect(sortAuthors(list, 'engagement').map((a) => a.handle)).toEqual(['b', 'c', 'a']);
    expect(sortAuthors(list, 'relevance').map((a) => a.handle)).toEqual(['b', 'c', 'a']);
  });
});
