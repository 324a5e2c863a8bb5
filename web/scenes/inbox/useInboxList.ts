import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { inboxApi, type InboxCounts, type InboxItemView, type ItemQuery } from './api.js';

const PAGE = 50;

export interface InboxList {
  items: InboxItemView[] | null;
  counts: InboxCounts | null;
  error: unknown;
  loadingMore: boolean;
  hasMore: boolean;
  /** Items that arrived live and match the filters, not yet shown so that the list does not jump. */
  fresh: InboxItemView[];
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  showFresh: () => void;
  /** Called for the ids a live event names: rows already shown are refreshed, new ones wait in `fresh`. */
  refreshIds: (ids: string[]) => Promise<void>;
  /** A change made here, applied at once; `settle` is called when the server has answered it. */
  patch: (ids: string[], change: (item: InboxItemView) => InboxItemView) => void;
  settle: (ids: string[]) => void;
  /** One row as the server gave it (the open item's detail): taken unless a change of ours is still on its way. */
  offer: (item: InboxItemView) => void;
  refreshCounts: () => Promise<void>;
}

/** The list for the current filters, its counts, and what arrives live. */
export function useInboxList(wid: string, query: ItemQuery): InboxList {
  const { setSession } = useSession();
  const [items, setItems] = useState<InboxItemView[] | null>(null);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [fresh, setFresh] = useState<InboxItemView[]>([]);
  const generation = useRef(0);
  const key = JSON.stringify(query);
  const queryRef = useRef(query);
  queryRef.current = query;
  const itemsRef = useRef(items);
  itemsRef.current = items;
  // Rows changed here (a status, an assignee) while a request was out, or whose change the server has not answered
  // yet: that request's answer may have been read before the change and must not put the old state back on screen.
  const changes = useRef({ count: 0, at: new Map<string, number>(), pending: new Map<string, number>() });
  const changedSince = (mark: number) => (id: string) =>
    (changes.current.pending.get(id) ?? 0) > 0 || (changes.current.at.get(id) ?? 0) > mark;

  const failed = useCallback(
    (caught: unknown) => {
      if (caught instanceof ApiError && caught.status === 401) setSession(null, 'expired');
      setError(caught);
    },
    [setSession],
  );

  const refreshCounts = useCallback(async () => {
    try {
      setCounts(await inboxApi.counts(wid, queryRef.current));
    } catch {
      // The list says what went wrong; counts simply stay as they were.
    }
  }, [wid]);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const newer = changedSince(changes.current.count);
    setError(null);
    try {
      const [page] = await Promise.all([inboxApi.items(wid, { ...queryRef.current, limit: PAGE }), refreshCounts()]);
      if (mine !== generation.current) return;
      const local = new Map((itemsRef.current ?? []).filter((i) => newer(i.id)).map((i) => [i.id, i]));
      setItems(page.items.map((i) => local.get(i.id) ?? i));
      setCursor(page.nextCursor);
      setFresh([]);
    } catch (caught) {
      if (mine === generation.current) failed(caught);
    }
  }, [wid, refreshCounts, failed]);

  useEffect(() => {
    setItems(null);
    void reload();
  }, [reload, key]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    const mine = generation.current;
    try {
      const page = await inboxApi.items(wid, { ...queryRef.current, cursor, limit: PAGE });
      if (mine !== generation.current) return;
      setItems((before) => {
        const seen = new Set((before ?? []).map((i) => i.id));
        return [...(before ?? []), ...page.items.filter((i) => !seen.has(i.id))];
      });
      setCursor(page.nextCursor);
    } catch (caught) {
      failed(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [wid, cursor, failed]);

  const refreshIds = useCallback(
    async (ids: string[]) => {
      const mine = generation.current;
      const newer = changedSince(changes.current.count);
      try {
        const [page] = await Promise.all([inboxApi.items(wid, { ...queryRef.current, limit: PAGE }), refreshCounts()]);
        if (mine !== generation.current) return;
        const latest = new Map(page.items.filter((i) => !newer(i.id)).map((i) => [i.id, i]));
        const shown = itemsRef.current ?? [];
        const shownIds = new Set(shown.map((i) => i.id));
        // Rows on screen take their new state; a row that no longer matches stays until the next reload.
        setItems((before) => before?.map((i) => latest.get(i.id) ?? i) ?? before);
        const named = new Set(ids);
        const arrived = page.items.filter((i) => !shownIds.has(i.id) && (named.size === 0 || named.has(i.id)));
        if (arrived.length === 0) return;
        if (shown.length === 0) {
          setItems(page.items);
          setCursor(page.nextCursor);
          return;
        }
        setFresh((before) => {
          const known = new Set(before.map((i) => i.id));
          return [...arrived.filter((i) => !known.has(i.id)), ...before];
        });
      } catch {
        // A missed live update is caught up by the next one or by a reload.
      }
    },
    [wid, refreshCounts],
  );

  const showFresh = useCallback(() => {
    void reload();
  }, [reload]);

  const patch = useCallback((ids: string[], change: (item: InboxItemView) => InboxItemView) => {
    const set = new Set(ids);
    const { pending, at } = changes.current;
    const mark = ++changes.current.count;
    for (const id of ids) {
      at.set(id, mark);
      pending.set(id, (pending.get(id) ?? 0) + 1);
    }
    setItems((before) => before?.map((i) => (set.has(i.id) ? change(i) : i)) ?? before);
  }, []);

  const settle = useCallback((ids: string[]) => {
    const { pending, at } = changes.current;
    const mark = ++changes.current.count;
    for (const id of ids) {
      at.set(id, mark);
      const left = (pending.get(id) ?? 1) - 1;
      if (left > 0) pending.set(id, left);
      else pending.delete(id);
    }
  }, []);

  const offer = useCallback((item: InboxItemView) => {
    if ((changes.current.pending.get(item.id) ?? 0) > 0) return;
    setItems((before) => before?.map((i) => (i.id === item.id ? item : i)) ?? before);
  }, []);

  return { items, counts, error, loadingMore, hasMore: cursor !== null, fresh, reload, loadMore, showFresh, refreshIds, patch, settle, offer, refreshCounts };
}
