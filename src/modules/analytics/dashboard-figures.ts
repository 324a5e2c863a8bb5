import { narrowsPosts, type Reader, type ScopeAccount } from './scope.js';
import { accountFollowersOf, followerTotalsOf, publishingFigures, totalsOf } from './publishing.js';
import { postGroupsOf, totalOf } from './post-sums.js';
import { accountSeriesOf, seriesOfGroups } from './series.js';
import { bestTimes } from './best-times.js';
import { breakdowns } from './breakdowns.js';
import { topAndFlop } from './post-performance.js';
import { inboxFigures, inboxTotalsOf } from './inbox-figures.js';
import { listeningDaysOf, listeningFigures, sentimentOfDays, shareOfVoiceOf, sumOfDays, type VoiceTopic } from './listening-figures.js';
import { comparisonPeriod } from './time.js';
import type { Comparison, Dashboard, Period, Scope } from './types.js';

/** Which parts a dashboard computes: the inbox's figures (for a reader who may read the inbox), and the top and flop posts. */
export interface FiguresWanted {
  inbox: boolean;
  posts: boolean;
}

/**
 * The figures. The independent queries run together; each reads a daily rollup (posts by the day or month they went
 * out, the accounts' days, inbox items, mentions and topics by day), the posts of the period through an index (top
 * and flop posts, best times), or the raw rows of a part of a day at the period's ends, never the snapshots. The
 * period's posts are read once per account and campaign, for the totals and three breakdowns.
 */
export async function figuresOf(r: Reader, scope: Scope, period: Period, comparison: Comparison, accounts: ScopeAccount[], topics: VoiceTopic[], wanted: FiguresWanted): Promise<Dashboard> {
  const before = comparisonPeriod(period, comparison, r.zone);
  // Both periods' followers are read at once, for their totals and their series; so are both periods' days of the
  // accounts' rollup, of the inbox and of listening.
  const known = accountFollowersOf(r, accounts, [period, before]);
  // The posts' sums the figures need, in one query over the rollups and one over the posts of parts of days: per
  // account and per label over the period, in total over the one compared with, and per day over both when the
  // series comes from the posts.
  const fromPosts = narrowsPosts(scope);
  const sums = postGroupsOf(r, scope, [
    { period, grouping: 'account' }, { period, grouping: 'label' }, { period: before, grouping: 'total' },
    ...(fromPosts ? [{ period, grouping: 'day' as const }, { period: before, grouping: 'day' as const }] : []),
  ]);
  const both = fromPosts ? sums.then((s) => [seriesOfGroups(r, period, s[3]!), seriesOfGroups(r, before, s[4]!)]) : accountSeriesOf(r, accounts, [period, before], scope, known);
  const [[perAccount, totalsBefore], [followers, followersBefore], [days, daysBefore], flops, heat, parts, inboxes, [heard, heardBefore], sov] = await Promise.all([
    sums.then((s) => [s[0]!, totalsOf(totalOf(s[2]!))] as const),
    known.then((k) => k.map(followerTotalsOf)),
    both,
    wanted.posts ? topAndFlop(r, scope, period) : { topPosts: [], flopPosts: [] }, bestTimes(r, scope, period.end),
    sums.then((s) => breakdowns(r, scope, period, accounts, s[0], s[1])),
    wanted.inbox ? inboxTotalsOf(r, scope, [period, before]) : [null, null],
    listeningDaysOf(r, scope, [period, before], [true, false]),
    shareOfVoiceOf(r, topics, period),
  ]);
  const [inbox, inboxBefore] = inboxes;
  return {
    scope, timezone: r.zone.name, period, comparison, comparisonPeriod: before,
    publishing: publishingFigures(totalsOf(totalOf(perAccount)), totalsBefore, followers!, followersBefore!),
    series: days, comparisonSeries: daysBefore,
    ...flops, bestTimes: heat, ...parts,
    inbox: inboxFigures(inbox, inboxBefore),
    listening: listeningFigures(sumOfDays(heard!), sumOfDays(heardBefore!), sov, sentimentOfDays(r, period, heard!)),
  };
}
