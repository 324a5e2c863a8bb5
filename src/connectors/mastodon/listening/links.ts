/**
 * The links a status's HTML carries to the wider web: its anchors, less those Mastodon makes for mentions
 * (`class="u-url mention"`) and hashtags (`class="mention hashtag"`, `rel="tag"`; Pleroma's `class="hashtag"`).
 */
export const MAX_URL_CHARS = 2048;
const MAX_LINKS = 20;
const ANCHOR = /<a\s[^>]*>/gi;

export function contentLinks(html: string, mentionUrls: readonly string[]): string[] {
  const mentions = new Set(mentionUrls);
  const out = new Set<string>();
  for (const [tag] of html.matchAll(ANCHOR)) {
    if (out.size >= MAX_LINKS) break;
    const classes = (attribute(tag, 'class') ?? '').toLowerCase().split(/\s+/);
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (classes.includes('mention') || classes.includes('hashtag') || rel.includes('tag')) continue;
    const href = webAddress(decode(attribute(tag, 'href') ?? ''));
    if (href && !mentions.has(href)) out.add(href);
  }
  return [...out];
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Attribute values are HTML-escaped; only what an address can contain needs undoing. */
const decode = (value: string) =>
  value.replace(/&(amp|quot|apos|lt|gt|#39|#x27);/gi, (_, e: string) => ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'", '#x27': "'" })[e.toLowerCase()] ?? _);

/** An http(s) address of reasonable length, else null: a status's own links may say anything. */
export function webAddress(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_URL_CHARS) return null;
  try {
    const { protocol } = new URL(value);
    return (protocol === 'https:' || protocol === 'http:') && !/\s/.test(value) ? value : null;
  } catch {
    return null;
  }
}
