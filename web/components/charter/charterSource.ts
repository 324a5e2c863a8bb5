/**
 * The workspace's charter as the live checker reads it: fetched once per workspace and kept, read again when the
 * page regains focus (a strategist may have changed it in another tab). Plain TypeScript; React reads it with
 * useSyncExternalStore. A charter that cannot be read checks nothing here: the server still enforces it.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { request } from '../../api/client.js';
import type { Charter } from '../../../src/shared/charter/charter.js';

interface Entry {
  charter: Charter | null;
  version: number;
  loading: Promise<void> | null;
  readAt: number;
}

/** An editor opened later than this after the last read reads the charter again (it may have been saved meanwhile). */
const FRESH_MS = 30_000;

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function entry(wid: string): Entry {
  let found = entries.get(wid);
  if (!found) {
    found = { charter: null, version: -1, loading: null, readAt: 0 };
    entries.set(wid, found);
  }
  return found;
}

/** Reads the charter again, unless a read is already under way. */
export function refreshCharter(wid: string): Promise<void> {
  const e = entry(wid);
  if (e.loading) return e.loading;
  e.loading = request<{ charter: Charter; version: number }>('GET', `/workspaces/${encodeURIComponent(wid)}/charter`)
    .then((answer) => {
      const now = entries.get(wid)!;
      now.readAt = Date.now();
      // A new object only when the version moved: the checker caches its compiled charter per object.
      if (answer.version !== now.version || !now.charter) {
        entries.set(wid, { charter: answer.charter, version: answer.version, loading: now.loading, readAt: now.readAt });
        notify();
      }
    })
    .catch(() => undefined)
    .finally(() => {
      const now = entries.get(wid);
      if (now) now.loading = null;
    });
  return e.loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function refreshAll() {
  if (document.visibilityState === 'hidden') return;
  for (const wid of entries.keys()) void refreshCharter(wid);
}

let watching = false;
function watchFocus() {
  if (watching) return;
  watching = true;
  window.addEventListener('focus', refreshAll);
  document.addEventListener('visibilitychange', refreshAll);
}

/** The workspace's charter, or null while it is read (or when it cannot be). */
export function useCharter(wid: string): Charter | null {
  const charter = useSyncExternalStore(subscribe, () => entries.get(wid)?.charter ?? null);
  useEffect(() => {
    watchFocus();
    const known = entries.get(wid);
    if (!known?.charter || Date.now() - known.readAt > FRESH_MS) void refreshCharter(wid);
  }, [wid]);
  return charter;
}
