/**
 * Network text made safe to show. React already renders it as text (no markup runs); what is left is what text
 * itself can do to a page: broken UTF-16 (a lone surrogate half, which some fonts and screen readers choke on)
 * and sheer size. Direction controls are handled by UserText.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The most of one text the page ever holds; longer texts are cut with an ellipsis. */
export const MAX_TEXT = 20_000;

export function inert(text: string | null | undefined, max = MAX_TEXT): string {
  const whole = (text ?? '').replace(LONE_SURROGATE, '\ufffd');
  if (whole.length <= max) return whole;
  // Cut between code points, never inside a pair.
  const cut = /[\ud800-\udbff]/.test(whole[max - 1]) ? max - 1 : max;
  return `${whole.slice(0, cut)}…`;
}

/** One line of a text for a list row: whitespace folded, cut to about `length` characters. */
export function excerpt(text: string | null | undefined, length = 160): string {
  return inert((text ?? '').replace(/\s+/g, ' ').trim(), length);
}

/** A date from the API, whether it came as an ISO string or milliseconds. */
export function toIso(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
