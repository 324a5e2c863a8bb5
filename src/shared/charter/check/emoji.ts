/**
 * Emoji, counted as the reader sees them: one per grapheme cluster, so a family (ZWJ sequence), a flag (two regional
 * indicators), a skin tone or a keycap is one emoji. ™, ® and © are letters of a brand name, not emoji, unless
 * written with the emoji variation selector.
 */
import type { Finding } from '../findings.js';
import { finding, removal, type CheckContext } from './finding.js';
import type { Span } from './text.js';

// One emoji as a reader sees it: a flag (two regional indicators), a keycap, or a pictograph with its variation
// selector, skin tone, tag sequence and any pictographs joined to it by ZWJ.
const EMOJI =
  /\p{Regional_Indicator}{1,2}|[#*0-9]\ufe0f?\u20e3|\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?(?:[\u{e0020}-\u{e007e}]+\u{e007f})?(?:\u200d\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?)*/gu;
// Pictographs drawn as text unless asked otherwise: ™, ®, ©, ‼, ↔…
const TEXT_BY_DEFAULT = /^\p{Extended_Pictographic}$/u;
const PICTURE = /\p{Emoji_Presentation}/u;

export function findEmoji(text: string): Span[] {
  const out: Span[] = [];
  EMOJI.lastIndex = 0;
  for (let m = EMOJI.exec(text); m; m = EMOJI.exec(text)) {
    if (TEXT_BY_DEFAULT.test(m[0]) && !PICTURE.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
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
