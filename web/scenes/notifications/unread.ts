import { notificationsApi } from '../../api/notifications.js';
import { ApiError } from '../../api/client.js';

export interface UnreadState {
  /** null until the first answer. */
  unread: number | null;
  /** Bumped whenever the server says the notifications changed, so that an open list reloads. */
  version: number;
}

type Listener = () => void;

// Used only when the browser cannot keep the live stream open.
const POLL_MS = 30_000;

/**
 * The unread count, kept live for every bell on the page through one server-sent event stream; if the
 * stream cannot be kept, a poll. Plain TypeScript: React reads it with useSyncExternalStore.
 */
class UnreadFeed {
  private state: UnreadState = { unread: null, version: 0 };
  private listeners = new Set<Listener>();
  private source: EventSource | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private stopping: ReturnType<typeof setTimeout> | null = null;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    if (this.stopping) clearTimeout(this.stopping);
    this.stopping = null;
    if (!this.source && !this.poll) this.start();
    return () => {
      this.listeners.delete(listener);
      // A bell that remounts (a route change, React's strict mode) keeps the same stream.
      if (this.listeners.size === 0) this.stopping = setTimeout(() => this.stop(), 1000);
    };
  };

  getSnapshot = (): UnreadState => this.state;

  /** Asks again now, e.g. after marking something read here. */
  async refresh(): Promise<void> {
    try {
      this.set((await notificationsApi.unreadCount()).unread, true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.stop();
    }
  }

  private set(unread: number, changed: boolean) {
    const version = changed ? this.state.version + 1 : this.state.version;
    if (unread === this.state.unread && version === this.state.version) return;
    this.state = { unread, version };
    for (const listener of this.listeners) listener();
  }

  private start() {
    if (typeof EventSource === 'undefined') return this.startPolling();
    const source = new EventSource(notificationsApi.streamUrl);
    this.source = source;
    source.addEventListener('unread', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { unread: number; changed?: boolean };
        this.set(data.unread, data.changed === true);
      } catch {
        // A garbled event: the next one, or the poll, will set things right.
      }
    });
    source.onerror = () => {
      // The browser retries a dropped stream by itself; a refused one (signed out, a proxy) stays closed.
      if (source.readyState !== EventSource.CLOSED) return;
      this.source = null;
      this.startPolling();
    };
  }

  private startPolling() {
    void this.refresh();
    this.poll = setInterval(() => {
      if (document.visibilityState === 'visible') void this.refresh();
    }, POLL_MS);
  }

  private stop() {
    this.source?.close();
    this.source = null;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    this.state = { unread: null, version: this.state.version };
  }
}

export const unreadFeed = new UnreadFeed();

/**
 * Tells the server which language this person uses, so that their e-mails are written in it. Sent once per
 * language change and browser, not on every page.
 */
const sending = new Map<string, Promise<void>>();

export function rememberLanguage(userId: string, locale: string): Promise<void> {
  const key = `ruche.notifications.locale.${userId}`;
  // Every bell asks at once on the first visit: one request is enough.
  const asked = `${key}:${locale}`;
  let pending = sending.get(asked);
  if (!pending) {
    pending = sendLanguage(key, locale).finally(() => sending.delete(asked));
    sending.set(asked, pending);
  }
  return pending;
}

async function sendLanguage(key: string, locale: string): Promise<void> {
  if (locale !== 'en' && locale !== 'fr') return;
  try {
    if (globalThis.localStorage?.getItem(key) === locale) return;
  } catch {
    // Without storage the language is sent on every visit, which is harmless.
  }
  try {
    await notificationsApi.savePreferences({ locale });
    globalThis.localStorage?.setItem(key, locale);
  } catch {
    // Tried again on the next visit.
  }
}
