/**
 * LinkedIn's "little" text format, which the Posts API uses for `commentary` (learn.microsoft.com/linkedin/marketing/
 * community-management/shares/little-text-format, version 202611). Characters that open little elements must be
 * escaped with a backslash to be shown as written: unescaped, LinkedIn cuts the post at the first one and still
 * answers 201. Hashtags (#word) stay live, URLs stay whole so LinkedIn links them, and an @mention of an
 * organisation's vanity name becomes a MentionElement `@[Name](urn:li:organization:ID)`.
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const URL_RE = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/giu;
const HASHTAG_RE = /(^|[^\p{L}\p{N}_\\])#([\p{L}\p{N}_]+)/gu;
const MENTION_RE = /(^|[^\p{L}\p{N}_])@([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z0-9])/gu;

export const escapeLittle = (text: string): string => text.replace(RESERVED, (c) => `\\${c}`);

/** Handles written as @handle in `text`, in order, without repeats. */
export function mentionedHandles(text: string): string[] {
  const plain = text.replace(URL_RE, ' ');
  return [...new Set([...plain.matchAll(MENTION_RE)].map((m) => m[2].toLowerCase()))];
}

export interface MentionTarget {
  name: string;
  urn: string;
}

/** `text` as little text: escaped, URLs whole, hashtags live, known @handles as mentions. */
export function toLittle(text: string, mentions: ReadonlyMap<string, MentionTarget> = new Map()): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += plainPart(text.slice(last, m.index), mentions) + m[0];
    last = m.index + m[0].length;
  }
  return out + plainPart(text.slice(last), mentions);
}

function plainPart(text: string, mentions: ReadonlyMap<string, MentionTarget>): string {
  const marks: { at: number; end: number; little: string }[] = [];
  for (const m of text.matchAll(HASHTAG_RE)) {
    const at = m.index + m[1].length;
    marks.push({ at, end: at + 1 + m[2].length, little: `#${escapeLittle(m[2])}` });
  }
  for (const m of text.matchAll(MENTION_RE)) {
    const target = mentions.get(m[2].toLowerCase());
    if (!target) continue;
    const at = m.index + m[1].length;
    marks.push({ at, end: at + 1 + m[2].length, little: `@[${escapeLittle(target.name)}](${target.urn})` });
  }
  marks.sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const mark of marks) {
    if (mark.at < last) continue;
    out += escapeLittle(text.slice(last, mark.at)) + mark.little;
    last = mark.end;
  }
  return out + escapeLittle(text.slice(last));
}

const MENTION_ELEMENT = /@\[((?:\\.|[^\]\\])*)\]\((urn:li:[a-zA-Z]+:[^)]+)\)/g;

/** What a reader sees of little text: escapes undone, mentions as @Name. */
export function littleToPlain(little: string): string {
  return little.replace(MENTION_ELEMENT, (_m, name: string) => `@${name.replace(/\\(.)/g, '$1')}`).replace(/\\(.)/g, '$1');
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A stored commentary reduced to what the sent text is compared on: whatever a mention became, it is one "@". */
export const comparableLittle = (little: string): string =>
  comparableText(little.replace(MENTION_ELEMENT, '@').replace(/\\(.)/g, '$1'));

/** A text as written, reduced the same way. */
export const comparableText = (text: string): string => squeeze(text.replace(MENTION_RE, '$1@'));
