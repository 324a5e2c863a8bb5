/**
 * Status content is HTML written by anyone on the fediverse: this turns it into plain text, never markup. Tags are
 * dropped (the contents of script and style with them), line breaks and paragraphs kept, entities decoded once
 * (so `&lt;b&gt;` stays the text "<b>", and is never parsed again), and broken code points replaced.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™',
  euro: '€', middot: '·', bull: '•', times: '×', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
};

/** The most characters kept of one text: a server may send any length. */
export const MAX_TEXT_CHARS = 20_000;

function codePoint(n: number): string {
  const valid = Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff);
  return valid ? String.fromCodePoint(n) : '\ufffd';
}

function decodeEntity(whole: string, name: string): string {
  if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
  const hex = name[1] === 'x' || name[1] === 'X';
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-f]{1,8}$/i : /^\d{1,9}$/).test(digits)) return whole;
  return codePoint(parseInt(digits, hex ? 16 : 10));
}

export function htmlToText(html: string): string {
  const text = html
    // Mastodon 4.4 writes "RE: <link>" into a quote's content for older clients; the quote is read from `quote`.
    .replace(/<p\s+class="quote-inline"[^>]*>[\s\S]*?<\/p\s*>/gi, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p\s*>\s*<p\b[^>]*>/gi, '\n\n')
    .replace(/<\/(p|div|li|blockquote|h[1-6]|pre|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/<[^>]*$/, '')
    .replace(/&(#[0-9]{1,9}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z]{2,8});/g, decodeEntity)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return capChars(text, MAX_TEXT_CHARS);
}

/** At most `max` code points, never cutting one in half. */
export function capChars(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join('');
}
