/**
 * Feed titles and summaries are HTML written by anyone. This reads them with an HTML parser (htmlparser2) into
 * plain text: tags dropped, the contents of scripts, styles and other hidden parts with them, entities decoded
 * once, line breaks kept where blocks end, runs of white space made one. It stops keeping text at `maxChars`, and
 * also gathers the links' targets, as written, for the caller to resolve and check.
 */
import { Parser } from 'htmlparser2';

const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'head', 'title']);
const BLOCKS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'tr', 'table', 'section', 'article',
  'aside', 'header', 'footer', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
/** Empty elements: the parser reports them closed at once, so they break the line only where they open. */
const BREAKS = new Set(['br', 'hr']);
const MAX_LINKS = 50;

export interface HtmlText {
  text: string;
  links: string[];
}

export function htmlToText(html: string, maxChars: number): HtmlText {
  const parts: string[] = [];
  const links: string[] = [];
  let kept = 0;
  let hidden = 0;
  const add = (s: string) => {
    if (kept > maxChars) return;
    parts.push(s);
    kept += s.length;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hidden++;
        else if (BLOCKS.has(name) || BREAKS.has(name)) add('\n');
        if (name === 'a' && typeof attributes.href === 'string' && links.length < MAX_LINKS) links.push(attributes.href);
      },
      ontext(text) {
        if (hidden === 0) add(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCKS.has(name)) add('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { text: capChars(collapse(parts.join('')), maxChars), links };
}

/** Text that is already plain (an Atom `type="text"`, a JSON Feed title) gets the same white space and length. */
export function plainText(text: string, maxChars: number): string {
  return capChars(collapse(text.length > maxChars * 2 ? text.slice(0, maxChars * 2) : text), maxChars);
}

function collapse(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `max` UTF-16 units, never cutting a surrogate pair in half. */
export function capChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
