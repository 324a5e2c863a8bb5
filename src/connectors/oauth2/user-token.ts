/**
 * A user token that a connector renews by itself (X, Google for YouTube), with what it needs stored beside it: the
 * token endpoint and the app's keys, so that a token that expired between two refresh jobs is renewed on the spot.
 */
import { z } from 'zod';
import { ConnectorError } from '../errors.js';
import type { ConnectorDeps, NetworkId } from '../types.js';
import type { NetCall, OAuthApp } from './provider.js';
import { tokenCall } from './token-call.js';

export const UserToken = z.object({
  apiBase: z.string().url(),
  tokenUrl: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().nullable(),
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable(),
  /** Epoch ms. */
  expiresAt: z.number().nullable(),
});
export type UserToken = z.infer<typeof UserToken>;

/** Stored credentials that do not parse can only be replaced by connecting again. */
export function parseStored<S extends z.ZodTypeAny>(schema: S, network: NetworkId, raw: unknown, incomplete: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConnectorError(network, 'auth_expired', incomplete);
  return parsed.data;
}

/**
 * The credentials with a renewed token, under the app's current keys. A network that does not rotate refresh tokens
 * (Google) answers none: the stored one stays.
 */
export async function renewUserToken<C extends UserToken & { network: NetworkId; refreshToken: string }>(
  c: C, app: OAuthApp, tokenUrl: string, clientAuth: 'basic' | 'body', net: NetCall,
): Promise<C> {
  const token = await tokenCall(c.network, tokenUrl, { grant_type: 'refresh_token', refresh_token: c.refreshToken }, app, clientAuth, net);
  return {
    ...c, tokenUrl, clientId: app.clientId, clientSecret: app.clientSecret || null,
    accessToken: token.accessToken, refreshToken: token.refreshToken ?? c.refreshToken, expiresAt: token.expiresAt,
  };
}

// Renewed this long before the stated expiry, so that a call never starts on a token about to die.
const EARLY_MS = 60_000;

/**
 * The token an API client sends: renewed past its expiry, or once on a 401, and the new credentials handed to
 * `onCredentialsChanged` before anything else happens (a rotated refresh token makes the old one useless).
 */
export class RenewedToken<C extends UserToken & { network: NetworkId }> {
  readonly net: NetCall;

  constructor(
    public creds: C,
    private readonly deps: ConnectorDeps,
    private readonly clientAuth: 'basic' | 'body',
    /** What the user is told when the token expired and there is no refresh token. */
    private readonly expired: string,
  ) {
    this.net = { fetch: deps.fetch ?? fetch, now: deps.now ?? Date.now };
  }

  /** `send` is called with the access token to use, at most twice. */
  async send(send: (accessToken: string) => Promise<Response>): Promise<Response> {
    if (this.creds.expiresAt !== null && this.creds.expiresAt - EARLY_MS <= this.net.now()) await this.renew();
    let res = await send(this.creds.accessToken);
    if (res.status === 401 && this.creds.refreshToken) {
      await res.body?.cancel();
      await this.renew();
      res = await send(this.creds.accessToken);
    }
    return res;
  }

  private async renew(): Promise<void> {
    const c = this.creds;
    if (!c.refreshToken) throw new ConnectorError(c.network, 'auth_expired', this.expired);
    const app = { clientId: c.clientId, clientSecret: c.clientSecret ?? '' };
    this.creds = await renewUserToken({ ...c, refreshToken: c.refreshToken }, app, c.tokenUrl, this.clientAuth, this.net);
    await this.deps.onCredentialsChanged?.(this.creds);
  }
}
