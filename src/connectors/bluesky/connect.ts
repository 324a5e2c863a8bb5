import { AtpAgent } from '@atproto/api';
import { ConnectorError } from '../errors.js';
import type { AccountInfo } from '../types.js';
import { toConnectorError } from './errors.js';
import { Session, type BlueskyCredentials } from './schemas.js';

/** Handle (or DID) and app password on a PDS or entryway → a session. The app password itself is never kept. */
export async function connectBluesky(input: {
  service: string;
  identifier: string;
  password: string;
  fetch?: typeof fetch;
}): Promise<{ credentials: BlueskyCredentials; account: AccountInfo }> {
  const agent = new AtpAgent({ service: input.service, fetch: input.fetch });
  let data;
  try {
    data = Session.parse((await agent.login({ identifier: input.identifier.replace(/^@/, ''), password: input.password })).data);
  } catch (err) {
    const mapped = toConnectorError(err);
    // At connect time a 401 means a wrong handle or password, not an expired session: said as such to the client.
    if (mapped.kind === 'auth_expired') {
      throw new ConnectorError('bluesky', 'rejected', mapped.message, { status: mapped.status, networkCode: INVALID_LOGIN, cause: err });
    }
    throw mapped;
  }
  if (sessionScope(data.accessJwt)?.split(' ').includes(MAIN_PASSWORD_SCOPE)) {
    // Full access to the account is more than publishing needs, and it cannot be revoked apart from the password.
    await agent.logout().catch(() => undefined);
    throw new ConnectorError(
      'bluesky',
      'rejected',
      'This is the account’s main password. Create an app password in Bluesky (Settings → Privacy and security → App passwords) and use it instead.',
      { networkCode: MAIN_PASSWORD },
    );
  }
  const service = new URL(input.service).origin;
  return {
    credentials: {
      network: 'bluesky',
      service,
      pdsUrl: agent.pdsUrl?.origin ?? service,
      did: data.did,
      handle: data.handle,
      accessJwt: data.accessJwt,
      refreshJwt: data.refreshJwt,
    },
    account: { id: data.did, handle: data.handle, displayName: null, followers: null },
  };
}

/** The networkCode of a connection refused because the server knows no such handle with that password. */
export const INVALID_LOGIN = 'invalid_login';

/** The networkCode of a connection refused because it used the main password. */
export const MAIN_PASSWORD = 'main_password';
// A session made with the main password; app-password sessions say com.atproto.appPass(Privileged).
const MAIN_PASSWORD_SCOPE = 'com.atproto.access';

/** The scope the PDS wrote in the session's access token, or null when it is not a JWT we can read. */
function sessionScope(accessJwt: string): string | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(accessJwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const scope = (payload as { scope?: unknown }).scope;
    return typeof scope === 'string' ? scope : null;
  } catch {
    return null;
  }
}
