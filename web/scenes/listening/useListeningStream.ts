import { useEffect, useRef } from 'react';
import { listeningApi } from './api.js';

// Used only when the browser cannot keep the live stream open.
const POLL_MS = 30_000;

/**
 * Calls `onNews` with the topics the server names whenever mentions or alerts arrive, through the listening event
 * stream; if the stream cannot be kept, a poll that names none (the caller then looks at all).
 */
export function useListeningStream(wid: string, onNews: (topicIds: string[]) => void): void {
  const handler = useRef(onNews);
  handler.current = onNews;

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
    const source = new EventSource(listeningApi.streamUrl(wid));
    source.addEventListener('mentions', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { topicIds?: unknown };
        const ids = Array.isArray(data.topicIds) ? data.topicIds.filter((id): id is string => typeof id === 'string').slice(0, 500) : [];
        handler.current(ids);
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
  }, [wid]);
}
