/**
 * Emoji, counted as the reader sees them: one per grapheme cluster, so a family (ZWJ sequence), a flag (two regional
 * indicators), a skin tone or a keycap is one emoji. ™, ® and © are letters of a brand name, not emoji, unless
 * written with the emoji variation selector.
 */
import type { Finding } from '../findings.js';
import { finding, removal, type CheckContext } from './finding.js';
import type { Span } from './text.js';

const MAYBE_EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;
const PICTURE = /\p{Emoji_Presentation}|\ufe0f|\u200d|\p{Emoji_Modifier}|\u20e3|\p{Regional_Indicator}/u;
const PICTOGRAPHIC = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;

let segmenter: Intl.Segmenter | null = null;

export function findEmoji(text: string): Span[] {
  if (!MAYBE_EMOJI.test(text)) return [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    if (segment.length === 1 && segment.charCodeAt(0) < 0xa9) continue;
    if (PICTOGRAPHIC.test(segment) && PICTURE.test(segment)) out.push({ start: index, end: index + segment.length });
  }
  return out;
}

// Emoji are a matter of tone, never a reason to stop a message: suggestions.
export function checkEmoji(ctx: CheckContext): Finding[] {
  const { charter, message } = ctx;
  if (charter.emoji === 'free') return [];
  const emoji = findEmoji(message.text);
  const max = charter.emoji === 'none' ? 0 : charter.emojiMax;
  if (emoji.length <= max) return [];
  return emoji.slice(max).map((e) =>
    finding({
      rule: charter.emoji === 'none' ? 'emoji.none' : 'emoji.too_many',
      severity: 'suggestion',
      start: e.start,
      end: e.end,
      params: { found: message.text.slice(e.start, e.end), count: emoji.length, max },
      fix: { kind: 'remove', edits: [removal(message.text, e.start, e.end)] },
    }),
  );
}
