export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The language to word findings in: the one asked for, else the first of French and English the browser's
 * Accept-Language prefers (by its q-values), else English.
 */
export function pickLocale(asked: Locale | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.split('-')[0], q: q === undefined ? 1 : Number(q), order };
    })
    .filter((l) => l.q > 0 && (LOCALES as readonly string[]).includes(l.language))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (ranked[0]?.language as Locale | undefined) ?? 'en';
}
