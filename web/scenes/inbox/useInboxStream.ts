import { useEffect, useRef } from 'react';
import { inboxApi } from './api.js';

// Used only when the browser cannot keep the live stream open.
const POLL_MS = 30_000;

/**
 * Calls `onItems` with the ids the server names whenever items arrive or change, through the workspace's
 * server-sent event stream; if the stream cannot be kept, a poll that names none (the caller then looks at all).
 */
export function useInboxStream(wid: string, onItems: (ids: string[]) => void): void {
  const handler = useRef(onItems);
  handler.current = onItems;

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
    const source = new EventSource(inboxApi.streamUrl(wid));
    source.addEventListener('items', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { itemIds?: unknown };
        const ids = Array.isArray(data.itemIds) ? data.itemIds.filter((id): id is string => typeof id === 'string') : [];
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
