import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, fr } from './bundles.js';
import { pickLocale, type Locale } from '../lib/locale.js';
import { remembered } from '../lib/storage.js';
import type { RoleName, Permission } from '../../src/shared/permissions.js';

export const i18n = i18next.createInstance();

function reflectOnDocument(lng: string): void {
  document.documentElement.lang = lng;
}

export function initI18n(): typeof i18n {
  const lng = pickLocale(remembered.locale(), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
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

export function switchLocale(locale: Locale): void {
  remembered.setLocale(locale);
  void i18n.changeLanguage(locale);
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
