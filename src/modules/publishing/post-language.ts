import { detectLanguage } from '../../analysis/index.js';
import { loadFastText, type LanguageIdentifier } from '../../analysis/language/fasttext.js';

export interface PostLanguage {
  /** ISO 639-1 code sent to the networks (Bluesky `langs`, Mastodon `language`). */
  code: string;
  /** `fallback`: the text was too short or unclear, so the workspace's language was taken. */
  source: 'text' | 'fallback';
}

// fastText tells apart languages the built-in French/English model does not know; loaded once, on first use.
let identifier: Promise<LanguageIdentifier | undefined> | undefined;
const fastText = () => (identifier ??= loadFastText());

/** The language of a post's text, or `fallback` (the workspace's language) when the text cannot tell. */
export async function detectPostLanguage(text: string, fallback: 'fr' | 'en'): Promise<PostLanguage> {
  if (!/\p{L}/u.test(text)) return { code: fallback, source: 'fallback' };
  const found = detectLanguage(text, { hint: fallback, fasttext: await fastText() });
  if (found.source === 'hint' || !/^[a-z]{2,3}$/.test(found.code)) return { code: fallback, source: 'fallback' };
  return { code: found.code, source: 'text' };
}

/** The languages a post goes out with: the one chosen in the composer, else the one its text is in. */
export async function languagesFor(chosen: string | null, text: string, fallback: string): Promise<string[]> {
  if (chosen) return [chosen];
  return [(await detectPostLanguage(text, fallback === 'en' ? 'en' : 'fr')).code];
}
