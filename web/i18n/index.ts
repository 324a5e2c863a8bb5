import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLocale, type Locale } from '../lib/locale.js';
import { remembered } from '../lib/storage.js';
import type { RoleName, Permission } from '../../src/shared/permissions.js';

export const i18n = i18next.createInstance();

function reflectOnDocument(lng: string): void {
  document.documentElement.lang = lng;
}

/**
 * Each language's texts are fetched when it is first shown, so that a page carries only the language it speaks;
 * the large areas' texts (inbox, listening, analytics…) come with the first page that needs them, so that the
 * sign-in page carries none.
 */
const TEXTS: Record<Locale, { main: () => Promise<object>; areas: () => Promise<object> }> = {
  en: { main: () => import('./en.json').then((m) => m.default), areas: () => import('./areas-en.js').then((m) => m.areas) },
  fr: { main: () => import('./fr.json').then((m) => m.default), areas: () => import('./areas-fr.js').then((m) => m.areas) },
};
const areasLoaded = new Map<Locale, Promise<void>>();

function loadAreas(lng: Locale): Promise<void> {
  let loading = areasLoaded.get(lng);
  if (!loading) {
    // Merged into the main texts: the crisis area adds to the crisis keys of the main file.
    loading = TEXTS[lng].areas().then((areas) => void i18n.addResourceBundle(lng, 'translation', areas, true, true));
    loading.catch(() => areasLoaded.delete(lng));
    areasLoaded.set(lng, loading);
  }
  return loading;
}

/** Resolves once the shown language's area texts are there (lazy pages wait for it with their code). */
export function areaTexts(): Promise<void> {
  return loadAreas(i18n.language as Locale);
}

export async function initI18n(): Promise<typeof i18n> {
  const lng = pickLocale(remembered.locale(), navigator.languages ?? [navigator.language]);
  const translation = await TEXTS[lng].main();
  void i18n.use(initReactI18next).init({
    resources: { [lng]: { translation } },
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr'],
    interpolation: { escapeValue: false }, // React escapes; names from users stay text.
    returnNull: false,
    initAsync: false,
  });
  reflectOnDocument(lng);
  i18n.on('languageChanged', reflectOnDocument);
  return i18n;
}

/**
 * Fetches a language's texts without showing it, for what is written in the other language than the page's (a
 * report for a client); resolves once t(…, { lng }) can read them.
 */
export async function loadLanguage(locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'translation')) i18n.addResourceBundle(locale, 'translation', await TEXTS[locale].main(), true, true);
  await loadAreas(locale);
}

export function switchLocale(locale: Locale): void {
  remembered.setLocale(locale);
  void (async () => {
    if (!i18n.hasResourceBundle(locale, 'translation')) i18n.addResourceBundle(locale, 'translation', await TEXTS[locale].main(), true, true);
    // A page that shows the areas' texts now needs them in the new language too.
    if (areasLoaded.size > 0) await loadAreas(locale);
    await i18n.changeLanguage(locale);
  })();
}

// Permission keys contain dots, so they are read from their table rather than as nested keys.
function fromTable(t: TFunction, table: string, key: string, fallback: string): string {
  const entries = t(table, { returnObjects: true }) as unknown;
  if (entries && typeof entries === 'object' && key in entries) {
    const value = (entries as Record<string, unknown>)[key];
    if (typeof value === 'string') return value;
  }
  return fallback;
}

export const roleLabel = (t: TFunction, role: RoleName): string => fromTable(t, 'roles', role, role);
export const permissionLabel = (t: TFunction, p: Permission): string => fromTable(t, 'permissions', p, p);
