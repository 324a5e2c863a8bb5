/**
 * What a network that connects through OAuth 2 tells the generic connect flow (`src/modules/accounts/oauth2/`):
 * where to send the user, how to trade the code, which objects the token can act for (a Facebook Page, the
 * Instagram professional account linked to it, a LinkedIn organisation, a YouTube channel, a Pinterest board),
 * and how to renew the token before it expires.
 */
import type { AccountInfo, Credentials, NetworkId } from '../types.js';

/** The installer's developer app on the network (Settings, stored sealed, or environment variables). */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

/** What the token endpoint answered, normalised. Times are epoch milliseconds. */
export interface OAuthToken {
  accessToken: string;
  refreshToken: string | null;
  /** Null when the network does not say (or the token does not expire). */
  expiresAt: number | null;
  /** When the refresh token itself stops working, where the network says (LinkedIn, Pinterest). */
  refreshExpiresAt: number | null;
  scopes: string[];
}

/** One object the user may connect with this token; `id` is the network's own. */
export interface ConnectTarget {
  id: string;
  /** What the user sees in the picker: "Page · Café Lumière", "Board · Recipes". */
  kind: string;
  name: string;
  handle: string;
  /** Why this one cannot be chosen (an Instagram account that is not professional, a Page without the task), in English. */
  unavailable?: string;
  /** The same reason as a stable code the interface translates, with what it names; unknown codes fall back to the text. */
  unavailableCode?: UnavailableCode;
  unavailableValues?: Record<string, string>;
}

/** Why a target cannot be chosen, for the interface to say in the user's language. */
export const UNAVAILABLE_CODES = ['page_role_cannot_post', 'no_instagram_professional', 'organisation_role_cannot_post'] as const;
export type UnavailableCode = (typeof UNAVAILABLE_CODES)[number];

/** Where the network's endpoints live; tests point them at the fake. */
export interface OAuthEndpoints {
  /** The page the user is sent to (network's web origin + path). */
  authorizeUrl: string;
  tokenUrl: string;
  /** The API base the connector calls (e.g. https://graph.facebook.com/v24.0). */
  apiBase: string;
}

export interface NetCall {
  fetch: typeof fetch;
  now: () => number;
}

export interface OAuthProvider {
  network: NetworkId;
  /** The developer console's name and address, shown in Settings and the README. */
  console: { name: string; url: string };
  /** The environment variables that hold the app's keys, e.g. RUCHE_META_APP_ID / RUCHE_META_APP_SECRET. */
  env: { clientId: string; clientSecret: string; apiBase?: string; authorizeUrl?: string; tokenUrl?: string };
  endpoints: OAuthEndpoints;
  scopes: readonly string[];
  /** Why each scope is asked, in the user's words (Settings > Networks, and the error when one was not granted). */
  scopeReasons?: Readonly<Record<string, { en: string; fr: string }>>;
  /** Whether the network reviews the app before strangers may use it, and what works before (Settings > Networks). */
  review?: { needed: boolean; en: string; fr: string };
  /** How scopes are joined in the authorize URL (Meta and Pinterest use commas, the others spaces). */
  scopeSeparator: ' ' | ',';
  pkce: boolean;
  /** How the token endpoint takes the app's keys: HTTP Basic, or form fields. */
  clientAuth: 'basic' | 'body';
  /** Extra authorize parameters (Google: access_type=offline, prompt=consent). */
  authorizeParams?: Record<string, string>;
  /** After the exchange, e.g. Meta's long-lived user token; returns the token to keep. */
  afterExchange?(token: OAuthToken, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall): Promise<OAuthToken>;
  /** The objects this token can act for. */
  listTargets(token: OAuthToken, endpoints: OAuthEndpoints, net: NetCall): Promise<ConnectTarget[]>;
  /**
   * The credentials stored (sealed) for one chosen target, and the account as the network describes it. `warning`:
   * something the network refused that does not stop the account working (Meta not turning on a Page's webhooks),
   * in the network's words; the account is connected all the same and the warning is kept on it.
   */
  connect(token: OAuthToken, targetId: string, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall): Promise<{ credentials: Credentials; account: AccountInfo; expiresAt: number | null; warning?: string }>;
  /**
   * A new token before the stored one expires; null when the network has no refresh and the user must reconnect
   * (the expiry warning tells them a week ahead). Throws ConnectorError 'auth_expired' when refresh is refused.
   */
  refresh?(credentials: Credentials, app: OAuthApp, endpoints: OAuthEndpoints, net: NetCall): Promise<{ credentials: Credentials; expiresAt: number | null } | null>;
  /** Asks again for what `connect` warned about (Meta's webhooks): the warning that still stands, or undefined once resolved. */
  retryWarning?(credentials: Credentials, app: OAuthApp, net: NetCall): Promise<string | undefined>;
}
