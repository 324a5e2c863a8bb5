import { useMemo } from 'react';
import { showDirectionControls } from '../../lib/bidi.js';
import { highlight } from './highlight.js';

/** A mention's text with its topics' terms marked, built as React text nodes: the network's text stays text. */
export function HighlightedText({ text, terms, className }: { text: string; terms: readonly string[]; className?: string }) {
  const segments = useMemo(() => highlight(text, terms), [text, terms]);
  return (
    <bdi className={className}>
      {segments.map((s, n) => (s.hit ? <mark key={n} className="term-hit">{showDirectionControls(s.text)}</mark> : showDirectionControls(s.text)))}
    </bdi>
  );
}
