/**
 * Direction controls in text that people or networks gave us. Shown as they are, they reorder what surrounds
 * them: with U+202E (right-to-left override) before it, "gnp.exe" reads "exe.png", and an unclosed embedding
 * drags the rest of a sentence along. Ruche's rule, for every name, handle, label, file name or text it did not
 * write itself:
 *  - each such character is replaced by a visible marker naming it ("⟮U+202E⟯"), so nothing is hidden and
 *    nothing is reordered;
 *  - in the page, the value sits in a <bdi> (the UserText component), so even legitimate right-to-left text
 *    cannot move the words around it.
 * The characters: embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks U+200E, U+200F
 * and U+061C (marks reorder the neutral characters around them, enough to turn "gnp.exe" into "exe.gnp").
 */
const CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function hasDirectionControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  return CONTROLS.test(text);
}

/** The visible marker for one control character: "⟮U+202E⟯". */
export function directionMarker(char: string): string {
  return `⟮U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟯`;
}

/** The text with every direction control shown as its marker; for strings (labels, titles, announcements). */
export function showDirectionControls(text: string): string {
  return text.replace(CONTROLS, directionMarker);
}
