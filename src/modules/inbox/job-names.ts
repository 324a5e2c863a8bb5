/** Sends one inbox reply, like or repost on the network. */
export const INBOX_REPLY = 'inbox.reply';
