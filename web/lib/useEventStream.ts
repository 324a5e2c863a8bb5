import { useEffect, useRef } from 'react';

// Used only when the browser cannot keep the live stream open.
const POLL_MS = 30_000;

/**
 * Listens to one event of a server-sent event stream and calls `onIds` with the ids its data names under `field`;
 * if the stream cannot be kept (or the browser has none), a poll every 30 seconds that names none (the caller then
 * looks at everything). Only string ids are kept: the stream's data is not trusted blindly.
 */
export function useEventStream(url: string, event: string, field: string, onIds: (ids: string[]) => void): void {
  const handler = useRef(onIds);
  handler.current = onIds;

  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | null = null;
    const startPolling = () => {
      if (poll) return;
      poll = setInterval(() => {
        if (document.visibilityState === 'visible') handler.current([]);
      }, POLL_MS);
    };
    if (typeof EventSource === 'undefined') {
      startPolling();
      return () => clearInterval(poll!);
    }
    const source = new EventSource(url);
    source.addEventListener(event, (e) => {
      try {
        const data = JSON.parse((e as MessageEvent<string>).data) as Record<string, unknown>;
        const raw = data[field];
        handler.current(Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : []);
      } catch {
        handler.current([]);
      }
    });
    source.onerror = () => {
      // The browser retries a dropped stream by itself; a refused one stays closed.
      if (source.readyState === EventSource.CLOSED) startPolling();
    };
    return () => {
      source.close();
      if (poll) clearInterval(poll);
    };
  }, [url, event, field]);
}
