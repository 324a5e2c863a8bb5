/** What the browser remembers between visits. Storage can be unavailable (private mode): never throw. */
const KEYS = {
  lastWorkspace: 'ruche.lastWorkspace',
  locale: 'ruche.locale',
} as const;

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Nothing to do: the choice just won't survive a reload.
  }
}

export const remembered = {
  lastWorkspace: () => read(KEYS.lastWorkspace),
  setLastWorkspace: (id: string | null) => write(KEYS.lastWorkspace, id),
  locale: () => read(KEYS.locale),
  setLocale: (locale: string) => write(KEYS.locale, locale),
};
