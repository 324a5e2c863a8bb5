/** Reads one source (notifications, messages) of one connected account. */
export const INBOX_POLL = 'inbox.poll';
/** Recurring: queues a poll per connected account and source its network can read. */
export const INBOX_POLL_ALL = 'inbox.poll-all';
/** Recurring: runs the moderation rules on items stored a while ago whose rules never ran (a crash after the page's commit). */
export const INBOX_RULES_SWEEP = 'inbox.rules-sweep';
