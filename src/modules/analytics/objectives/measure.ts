import type { Reader } from '../scope.js';
import { accountsOf } from '../scope.js';
import { followerTotals, postTotals } from '../publishing.js';
import { inboxTotals } from '../inbox-figures.js';
import { listeningTotals, shareOfVoice, topicSums } from '../listening-figures.js';
import { percent } from '../figures.js';
import type { ObjectiveMetric, Period, Scope } from '../types.js';

export interface MeasuredObjective {
  workspaceId: string;
  metric: ObjectiveMetric;
  network: string | null;
  accountId: string | null;
  topicId: string | null;
}

/** One topic's mentions in a period, from the same counts as share of voice. */
async function topicTotals(r: Reader, topicId: string, period: Period): Promise<{ volume: number; positive: number }> {
  const t = (await topicSums(r, [topicId], period)).get(topicId);
  return { volume: t?.total ?? 0, positive: t?.positive ?? 0 };
}

/** An objective's metric over a period, with the same formulas as the dashboard's figures. */
export async function measure(r: Reader, o: MeasuredObjective, period: Period): Promise<number | null> {
  const scope: Scope = { workspaceId: o.workspaceId, accountId: o.accountId, network: o.network };
  if (period.end <= period.start) return null;
  switch (o.metric) {
    case 'engagement_rate': return (await postTotals(r, scope, period)).engagementRateFollowers;
    case 'engagement': return (await postTotals(r, scope, period)).engagement;
    case 'posts_published': return (await postTotals(r, scope, period)).posts;
    case 'views': return (await postTotals(r, scope, period)).views;
    case 'followers':
    case 'followers_gained': {
      const f = await followerTotals(r, await accountsOf(r.db, scope), period);
      if (o.metric === 'followers') return f.end;
      return f.end === null || f.start === null ? null : f.end - f.start;
    }
    case 'response_rate': {
      const t = await inboxTotals(r, scope, period, { wait: false });
      return percent(t.answered, t.asked);
    }
    case 'first_response_minutes': return (await inboxTotals(r, scope, period)).firstResponseMinutes;
    // With a topic, its own mentions; without, every mention the workspace heard.
    case 'mentions': return (o.topicId ? await topicTotals(r, o.topicId, period) : await listeningTotals(r, scope, period)).volume;
    case 'positive_share': {
      const t = o.topicId ? await topicTotals(r, o.topicId, period) : await listeningTotals(r, scope, period);
      return percent(t.positive, t.volume);
    }
    case 'share_of_voice': {
      const topics = await shareOfVoice(r, o.workspaceId, period);
      const mine = topics.find((t) => t.topicId === o.topicId);
      const all = topics.reduce((s, t) => s + t.mentions, 0);
      return mine && all > 0 ? mine.share : null;
    }
  }
}
