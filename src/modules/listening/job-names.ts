export const LISTENING_WEBHOOK = 'listening.webhook';
export const LISTENING_POLL = 'listening.poll';
export const LISTENING_POLL_DUE = 'listening.poll_due';
export const LISTENING_BACKFILL = 'listening.backfill';
