import crypto from 'node:crypto';
import { parse } from 'hono/utils/cookie';
import type { AppContext } from '../context.js';
import { hashSessionToken } from '../auth/session-tokens.js';
import type { Actor } from './types.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { compiledOnce } from '../store/compiled-once.js';

/**
 * The auth library's getSession checks the cookie's signature with WebCrypto and reads the session, then its
 * user, through its adapter layers: about a millisecond per request, as much as an inbox page costs to read. A
 * cookie the library has accepted once is remembered here (by a hash of it, in memory, bounded); later requests
 * carrying it re-read only the session row and its user, in one indexed query, with the session's token checked
 * again. A session signed out, revoked or deleted is therefore refused at once, as before: nothing is trusted
 * from memory but the cookie's signature, which cannot change. Sessions due for their daily extension, expired
 * or unknown go through the library as before.
 */
const MAX_REMEMBERED = 10_000;

const sessionRow = compiledOnce((db: Kysely<Database>, sessionId: string, tokenHash: string) =>
  db
    .selectFrom('session as s')
    .innerJoin('user as u', 'u.id', 's.userId')
    .select(['s.id', 's.expiresAt', 'u.id as userId', 'u.name', 'u.email'])
    .where('s.id', '=', sessionId)
    .where('s.token', '=', tokenHash));
// The auth library's session cookie, with the __Secure- prefix it takes over HTTPS (auth.ts: cookiePrefix 'ruche').
const COOKIE = /^(?:__Secure-)?ruche\.session_token$/;

interface Remembered {
  sessionId: string;
  tokenHash: string;
}

export interface SessionMemo {
  /** The actor for these headers from a remembered cookie, or undefined when the library must answer. */
  lookup(headers: Headers): Promise<Actor | undefined>;
  /** Remembers the cookie of these headers, which the library has just accepted for this session. */
  remember(headers: Headers, session: { id: string; token: string }): void;
}

export function createSessionMemo(ctx: Pick<AppContext, 'store' | 'auth'>): SessionMemo {
  const remembered = new Map<string, Remembered>();
  const sessionConfig = ctx.auth.options.session ?? {};
  const expiresInMs = (sessionConfig.expiresIn ?? 7 * 86400) * 1000;
  const updateAgeMs = (sessionConfig.updateAge ?? 86400) * 1000;

  const keyOf = (headers: Headers): string | null => {
    const header = headers.get('cookie');
    if (!header) return null;
    const cookies = parse(header);
    const name = Object.keys(cookies).find((n) => COOKIE.test(n));
    if (!name) return null;
    return crypto.createHash('sha256').update(`${name}=${cookies[name]}`).digest('base64url');
  };

  return {
    async lookup(headers) {
      const key = keyOf(headers);
      const known = key ? remembered.get(key) : undefined;
      if (!key || !known) return undefined;
      const [row] = await sessionRow(ctx.store.db, known.sessionId, known.tokenHash);
      if (!row) {
        remembered.delete(key);
        return undefined;
      }
      const expiresAt = new Date(row.expiresAt as unknown as string | Date);
      const now = Date.now();
      // Expired, or due for the library's extension: it deals with both.
      if (expiresAt.getTime() <= now || expiresAt.getTime() - expiresInMs + updateAgeMs <= now) return undefined;
      return { userId: row.userId, name: row.name, email: row.email, sessionId: row.id, expiresAt };
    },
    remember(headers, session) {
      const key = keyOf(headers);
      if (!key) return;
      if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, { sessionId: session.id, tokenHash: hashSessionToken(session.token) });
    },
  };
}
