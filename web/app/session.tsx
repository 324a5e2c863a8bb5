import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionView } from '../../src/shared/api.js';
import { api } from '../api/client.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; needsOwner: boolean; ended?: 'signedOut' | 'expired' }
  | { status: 'signedIn'; session: SessionView };

interface SessionContextValue {
  state: SessionState;
  /** After sign-in, setup, invitation acceptance (a session), or sign-out and expiry (null, with why). */
  setSession: (session: SessionView | null, ended?: 'signedOut' | 'expired') => void;
  /** Reload the session, e.g. after creating a workspace, so memberships are current. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function loadState(): Promise<SessionState> {
  const { session } = await api.session.current();
  if (session) return { status: 'signedIn', session };
  const setup = await api.setup.get();
  return { status: 'anonymous', needsOwner: setup.needsOwner };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState(await loadState());
    } catch {
      // The server is unreachable: show the sign-in page, whose own request will explain.
      setState({ status: 'anonymous', needsOwner: false });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const setSession = useCallback((session: SessionView | null, ended?: 'signedOut' | 'expired') => {
    setState(session ? { status: 'signedIn', session } : { status: 'anonymous', needsOwner: false, ended });
  }, []);

  const value = useMemo(() => ({ state, setSession, refresh }), [state, setSession, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For components that only render inside RequireSession. */
export function useSignedIn(): SessionView {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedIn outside a signed-in route');
  return state.session;
}
