import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { listeningApi, type Mention, type MentionQuery } from './api.js';
import { useListeningStream } from './useListeningStream.js';

const PAGE = 30;

export interface MentionList {
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  items: Mention[];
  nextCursor: string | null;
  /** Mentions that arrived while the reader was further down: counted in a banner, shown on request. */
  waiting: number;
  /** How many the last live arrival put straight on top, for the live region. */
  arrived: number;
  loadingMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  showWaiting: () => void;
  update: (id: string, change: Partial<Mention>) => void;
}

/**
 * A stream of mentions for the filters, a page at a time, kept current through the live stream: new mentions go on
 * top while the reader is at the top of the list (`atTop`), and wait behind a banner otherwise, so that nothing
 * moves under the reader's eyes.
 */
export function useMentionList(wid: string, filters: MentionQuery, atTop: () => boolean): MentionList {
  const { setSession } = useSession();
  const [status, setStatus] = useState<MentionList['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [items, setItems] = useState<Mention[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [waitingItems, setWaitingItems] = useState<Mention[]>([]);
  const [arrived, setArrived] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const shown = useRef(new Set<string>());
  const key = JSON.stringify(filters);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) setSession(null, 'expired');
    },
    [setSession],
  );

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setStatus((s) => (s === 'ready' ? s : 'loading'));
    try {
      const page = await listeningApi.mentions(wid, { ...filtersRef.current, limit: PAGE });
      if (mine !== generation.current) return;
      shown.current = new Set(page.items.map((m) => m.id));
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setWaitingItems([]);
      setStatus('ready');
    } catch (e) {
      fail(e);
      if (mine === generation.current) {
        setError(e);
        setStatus('failed');
      }
    }
  }, [wid, fail]);

  useEffect(() => {
    setStatus('loading');
    setItems([]);
    void reload();
  }, [reload, key]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await listeningApi.mentions(wid, { ...filtersRef.current, cursor: nextCursor, limit: PAGE });
      if (mine !== generation.current) return;
      const fresh = page.items.filter((m) => !shown.current.has(m.id));
      for (const m of fresh) shown.current.add(m.id);
      setItems((list) => [...list, ...fresh]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      fail(e);
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [wid, nextCursor, loadingMore, fail]);

  const onNews = useCallback(
    async (topicIds: string[]) => {
      const topic = filtersRef.current.topicId;
      if (topic && topicIds.length > 0 && !topicIds.includes(topic)) return;
      const mine = generation.current;
      try {
        const page = await listeningApi.mentions(wid, { ...filtersRef.current, limit: PAGE });
        if (mine !== generation.current) return;
        const fresh = page.items.filter((m) => !shown.current.has(m.id));
        if (fresh.length === 0) return;
        for (const m of fresh) shown.current.add(m.id);
        if (atTop()) {
          setItems((list) => [...fresh, ...list]);
          setArrived(fresh.length);
        } else {
          setWaitingItems((w) => [...fresh, ...w]);
        }
      } catch {
        // The next arrival or a reload tries again; a live update that failed is not worth an error on screen.
      }
    },
    [wid, atTop],
  );
  useListeningStream(wid, (ids) => void onNews(ids));

  const showWaiting = useCallback(() => {
    setItems((list) => [...waitingItems, ...list]);
    setWaitingItems([]);
    setArrived(0);
  }, [waitingItems]);

  const update = useCallback((id: string, change: Partial<Mention>) => {
    setItems((list) => list.map((m) => (m.id === id ? { ...m, ...change } : m)));
  }, []);

  return { status, error, items, nextCursor, waiting: waitingItems.length, arrived, loadingMore, reload, loadMore, showWaiting, update };
}
