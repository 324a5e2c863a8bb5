import type { Author } from '../types.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `text` names `acct` as Mastodon links mentions: `@user` for an account of the same server,
 * `@user@domain` for any account (a bare `@user` would name someone else's local account).
 */
export function mentions(text: string, acct: string): boolean {
  const [user, domain] = acct.replace(/^@/, '').split('@');
  if (!user) return true;
  const name = domain ? `@${escape(user)}@${escape(domain)}` : `@${escape(user)}`;
  return new RegExp(`(^|[^\\w@/])${name}(?![\\w@-]|\\.\\w)`, 'iu').test(text);
}

/** The text with `@acct ` in front when it does not name the author yet. */
export function withMention(text: string, author: Author | undefined): string {
  if (!author?.handle) return text;
  const acct = author.handle.replace(/^@/, '');
  return mentions(text, acct) ? text : `@${acct} ${text}`;
}
