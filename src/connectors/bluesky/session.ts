import { AtpAgent, type AtpSessionData, type AtpSessionEvent } from '@atproto/api';
import { ConnectorError } from '../errors.js';
import type { Credentials } from '../types.js';
import { BlueskyCredentials } from './schemas.js';

export interface AgentHandle {
  agent: AtpAgent;
  creds: BlueskyCredentials;
  /** Resolves once refreshed credentials have been handed to the caller. */
  settled(): Promise<void>;
}

/**
 * An agent on a saved session, without `resumeSession` (which refreshes, so rotates the refresh token, every
 * time). The SDK refreshes once on `ExpiredToken` and retries; each new session is passed to the caller.
 */
export function openAgent(
  credentials: unknown,
  onChanged: ((c: Credentials) => void | Promise<void>) | undefined,
  fetchImpl?: typeof fetch,
): AgentHandle {
  const parsed = BlueskyCredentials.safeParse(credentials);
  if (!parsed.success) throw new ConnectorError('bluesky', 'auth_expired', 'The saved Bluesky session is unreadable; reconnect the account.');
  const handle: AgentHandle = { agent: undefined as unknown as AtpAgent, creds: parsed.data, settled: async () => {} };
  const pending: Promise<void>[] = [];
  const persist = (event: AtpSessionEvent, session?: AtpSessionData) => {
    if (event !== 'update' || !session) return;
    handle.creds = { ...handle.creds, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt, handle: session.handle };
    if (onChanged) pending.push(Promise.resolve(onChanged(handle.creds)));
  };
  const agent = new AtpAgent({ service: parsed.data.service, persistSession: persist, fetch: fetchImpl });
  const { did, handle: name, accessJwt, refreshJwt, pdsUrl } = parsed.data;
  agent.sessionManager.session = { did, handle: name, accessJwt, refreshJwt, active: true };
  agent.sessionManager.pdsUrl = new URL(pdsUrl);
  handle.agent = agent;
  handle.settled = async () => {
    while (pending.length) await pending.shift();
  };
  return handle;
}
