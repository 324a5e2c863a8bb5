/** Where a caret goes when a fix rewrites the text around it. No React. */
import type { TextEdit } from '../../../src/shared/charter/findings.js';

/**
 * The caret's new offset after `edits` (in text order, not overlapping): it moves with the text before it, and a
 * caret inside a replaced span lands after the replacement. An insertion at the caret goes before it.
 */
export function caretAfterEdits(caret: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= caret) {
      shift += edit.replacement.length - (edit.end - edit.start);
      continue;
    }
    if (edit.start < caret) return edit.start + shift + edit.replacement.length;
    break;
  }
  return caret + shift;
}
