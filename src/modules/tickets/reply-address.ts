import crypto from 'node:crypto';

/**
 * The address a department answers a ticket at: the configured reply address with a secret per ticket,
 * replies@example.com → replies+t-<token>@example.com. Only the token's hash is stored; lower case throughout, since
 * mail servers may change the case of a local part.
 */
const TOKEN = /^[0-9a-f]{32}$/;

export function newReplyToken(): string {
  return crypto.randomBytes(16).toString('hex');
}

export function hashReplyToken(token: string): string {
  return crypto.createHash('sha256').update(`ruche:ticket-reply:${token.toLowerCase()}`).digest('hex');
}

export function replyAddress(base: string, token: string): string {
  const at = base.lastIndexOf('@');
  return `${base.slice(0, at)}+t-${token}${base.slice(at)}`.toLowerCase();
}

/** The token an address carries, when it is the reply address of a ticket; null for any other address. */
export function tokenOf(base: string, address: string): string | null {
  const at = base.lastIndexOf('@');
  const local = base.slice(0, at).toLowerCase();
  const domain = base.slice(at + 1).toLowerCase();
  const a = address.trim().replace(/^<|>$/g, '').toLowerCase();
  const i = a.lastIndexOf('@');
  if (i < 0 || a.slice(i + 1) !== domain) return null;
  const prefix = `${local}+t-`;
  const l = a.slice(0, i);
  if (!l.startsWith(prefix)) return null;
  const token = l.slice(prefix.length);
  return TOKEN.test(token) ? token : null;
}

