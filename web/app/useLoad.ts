import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useSession } from './session.js';

export type Loaded<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'failed'; data?: undefined; error: unknown };

/** Runs a loader on mount and whenever `deps` change; a 401 ends the session in the UI. */
export function useLoad<T>(loader: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => Promise<void>] {
  const { setSession } = useSession();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const generation = useRef(0);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await loaderRef.current();
      if (mine === generation.current) setState({ status: 'ready', data });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession(null, 'expired');
      if (mine === generation.current) setState({ status: 'failed', error });
    }
    // The caller names what the loader depends on; the loader itself is read fresh from a ref.
  }, deps);

  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);

  return [state, reload];
}
