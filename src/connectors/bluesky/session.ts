import { AtpAgent, type AtpSessionData, type AtpSessionEvent } from '@atproto/api';
import type { Credentials } from '../types.js';
import { savedSession, type BlueskyCredentials } from './schemas.js';

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
  const saved = savedSession(credentials);
  const handle: AgentHandle = { agent: undefined as unknown as AtpAgent, creds: saved, settled: async () => {} };
  const pending: Promise<void>[] = [];
  const persist = (event: AtpSessionEvent, session?: AtpSessionData) => {
    if (event !== 'update' || !session) return;
    handle.creds = { ...handle.creds, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt, handle: session.handle };
    if (onChanged) pending.push(Promise.resolve(onChanged(handle.creds)));
  };
  const agent = new AtpAgent({ service: saved.service, persistSession: persist, fetch: fetchImpl });
  const { did, handle: name, accessJwt, refreshJwt, pdsUrl } = saved;
  agent.sessionManager.session = { did, handle: name, accessJwt, refreshJwt, active: true };
  agent.sessionManager.pdsUrl = new URL(pdsUrl);
  handle.agent = agent;
  handle.settled = async () => {
    while (pending.length) await pending.shift();
  };
  return handle;
}
