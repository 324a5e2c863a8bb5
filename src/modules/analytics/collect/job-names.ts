/** Reads one account's figures: its counts (hourly), its new posts, and the counts of its posts that are due. */
export const ANALYTICS_COLLECT = 'analytics.collect';
/** Recurring: queues a collection for each account that is due. */
export const ANALYTICS_COLLECT_DUE = 'analytics.collect_due';
/** On connect: the account's posts of the last 90 days and its counts. */
export const ANALYTICS_BACKFILL = 'analytics.backfill';
