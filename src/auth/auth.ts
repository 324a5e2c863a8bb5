import crypto from 'node:crypto';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getAdapter } from 'better-auth/db/adapter';
import { getMigrations } from 'better-auth/db/migration';
import type { Store } from '../store/database.js';
import { withoutSyncPerStatement } from '../store/migrate.js';
import { withHashedSessionTokens } from './session-tokens.js';

export interface AuthOptions {
  store: Store;
  secret: string;
  baseUrl: string;
  sessionDays: number;
  /**
   * Sends a password-reset link to the account's holder. Must not wait for the mail to go out: the answer to
   * a request then takes as long whether or not an account uses the address. Without it, no reset by e-mail.
   */
  sendResetLink?: (user: { id: string; email: string; name: string }, token: string) => void;
}

/** How long a password-reset link works. */
export const RESET_LINK_SECONDS = 3600;

function authOptions({ store, secret, baseUrl, sessionDays, sendResetLink }: AuthOptions) {
  return {
    appName: 'Ruche',
    baseURL: baseUrl,
    basePath: '/api/v1/auth',
    // Derived so the session-signing key differs from the token-sealing key made from the same secret.
    secret: crypto.createHash('sha256').update('ruche:auth:' + secret).digest('base64url'),
    database: { db: store.db, type: store.dialect },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      autoSignIn: true,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: sendResetLink && (async ({ user, token }) => sendResetLink(user, token)),
    },
    // Reset tokens are kept as SHA-256 hashes, like session tokens: a copy of the database resets nobody's password.
    verification: { storeIdentifier: 'hashed' },
    session: {
      expiresIn: Math.round(sessionDays * 86400),
      updateAge: 86400,
    },
    advanced: {
      cookiePrefix: 'ruche',
      useSecureCookies: baseUrl.startsWith('https://'),
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true, path: '/' },
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
  } satisfies BetterAuthOptions;
}

/**
 * Accounts, password hashing (scrypt) and sessions come from better-auth, on our own database, with
 * session tokens stored hashed. Ruche calls it server-side from its own routes, so that every route keeps
 * one error shape, one validation layer and one audit log; its HTTP handler is not mounted.
 */
export async function createAuth(input: AuthOptions) {
  const options = authOptions(input);
  const adapter = withHashedSessionTokens(await getAdapter(options));
  return betterAuth({ ...options, database: () => adapter });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/** Creates or updates the auth library's own tables (user, session, account, verification). */
export async function migrateAuth(auth: Auth, store: Store): Promise<void> {
  // The migrator reads the database itself, not through the adapter.
  const { runMigrations } = await getMigrations({ ...auth.options, database: { db: store.db, type: store.dialect } });
  await withoutSyncPerStatement(store, runMigrations);
}
