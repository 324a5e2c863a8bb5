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
    // At connect time a 401 means a wrong handle or password, not an expired session.
    if (mapped.kind === 'auth_expired') throw new ConnectorError('bluesky', 'rejected', mapped.message, { status: mapped.status, cause: err });
    throw mapped;
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
