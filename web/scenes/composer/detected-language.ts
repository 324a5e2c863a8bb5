/** What the server would detect as the post's language, asked again once the text rests. No rendering. */
import { useEffect, useState } from 'react';
import { publishing, type DetectedLanguage } from '../../api/publishing.js';

const PAUSE_MS = 400;

/** Null while asking, when detection is off, or when the server could not be asked (the post still goes out). */
export function useDetectedLanguage(wid: string, text: string, enabled: boolean): DetectedLanguage | null {
  const [found, setFound] = useState<{ text: string; language: DetectedLanguage } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      publishing.posts
        .language(wid, text)
        .then((language) => current && setFound({ text, language }))
        .catch(() => current && setFound(null));
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wid, text, enabled]);
  return enabled && found?.text === text ? found.language : null;
}

/** "fr" → "French" (or "français"), in the reader's language. */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    return locale.startsWith('fr') ? name : name.charAt(0).toUpperCase() + name.slice(1);
  } catch {
    return code;
  }
}
