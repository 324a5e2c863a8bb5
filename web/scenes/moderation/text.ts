/**
 * Network text for moderation pages: made inert (broken UTF-16 replaced, length capped) and cut into runs so
 * that the words the analysis weighed can be highlighted. Matching folds case and accents, as the analysis does.
 */
import { excerpt, inert as inertText, toIso } from '../inbox/text.js';

export { excerpt, toIso };

/** Moderation pages show a text whole in a card: a shorter cap than the inbox's reading pane. */
export function inert(text: string | null | undefined, max = 5000): string {
  return inertText(text, max);
}

export interface Run {
  text: string;
  marked: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The text cut into runs, `marked` where one of `words` (at least two letters) appears. */
export function highlight(text: string, words: readonly string[]): Run[] {
  // One folded string with, for each of its characters, the index in the original it came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text[i]);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  }
  const marks = new Array<boolean>(text.length).fill(false);
  for (const word of new Set(words.map((w) => fold(w.trim())).filter((w) => w.length >= 2))) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      const end = origin[at + word.length - 1];
      for (let i = origin[at]; i <= end; i++) marks[i] = true;
    }
  }
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.marked === marks[i]) last.text += text[i];
    else runs.push({ text: text[i], marked: marks[i] });
  }
  return runs;
}
