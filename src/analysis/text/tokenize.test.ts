import { describe, expect, it } from 'vitest';
import { scanTokens, tokenize, tokensByRegex } from './tokenize.js';

describe('tokenizer', () => {
  it('reads the tokens of its expression, by hand where the text is ASCII', () => {
    const cases = [
      'Merci @laposte pour rien #colère :( https://t.co/x et www.example',
      'f**k, sh!t, fu** and a!!! ?!? ... ;-) =] <3 :-x ::) http:// x https://',
      '@ # @_ #_a 3€ a€b €5 f*€k abc😀def 🇫🇷 ж1 ١٢ ½ a\u00a0b x\u200by',
      'http://ex.com/é www.é https://\u00a0 @é #é \ud83d lone \ude00 low',
    ];
    for (const text of cases) expect(scanTokens(text)).toEqual(tokensByRegex(text));
    // Random runs of the pieces where the two could part: marks that start or join tokens, characters beyond ASCII.
    const parts = ['http', 'https', '://', 'www.', '.', '@', '#', '_', ':', ';', '=', '-', ')', '(', 'd', 'p', ']', '[', '/', '<', '3', 'a', 'Z', '9', '*', '!', '?', '$', '|', '€', 'é', 'ж', '😀', '\ud83d', '\ude00', ' ', '\u00a0', '\n', ',', '½', '\u200b', "'"];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let n = 1 + Math.floor(next() * 10); n > 0; n--) text += parts[Math.floor(next() * parts.length)];
      expect(scanTokens(text), JSON.stringify(text)).toEqual(tokensByRegex(text));
    }
  });

  it('folds, spells out contractions, and reads bare domains with the full expression', () => {
    expect(tokenize("I DON'T like bit.ly/x").map((t) => [t.kind, t.text])).toEqual([
      ['word', 'i'], ['word', 'do'], ['word', 'not'], ['word', 'like'], ['url', 'bit.ly/x'],
    ]);
    expect(tokenize('Nuuuul, c0nnard !!!').map((t) => [t.kind, t.text, t.skel])).toEqual([
      ['word', 'nuul', 'nul'], ['punct', '.', ''], ['word', 'connard', 'conard'], ['punct', '!!', ''],
    ]);
  });
});
