import { forwardRef, useCallback, useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';
import type { Finding } from '../../../src/shared/charter/findings.js';
import { highlightRuns } from './highlights.js';
import './charter-lint.css';

interface LintedTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value'> {
  value: string;
  findings: readonly Pick<Finding, 'start' | 'end' | 'severity'>[];
}

/**
 * A textarea with the charter's findings marked under its text: a layer behind it holds the same text, laid out
 * the same way, with each finding's span in a <mark>. The layer is hidden from assistive technology; the findings
 * list says the same in words.
 */
export const LintedTextarea = forwardRef<HTMLTextAreaElement, LintedTextareaProps>(function LintedTextarea(
  { value, findings, className, onScroll, ...rest },
  ref,
) {
  const input = useRef<HTMLTextAreaElement | null>(null);
  const layer = useRef<HTMLDivElement>(null);
  const setRef = useCallback(
    (el: HTMLTextAreaElement | null) => {
      input.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );

  // The layer follows the textarea's scrolling, and leaves room for its scroll bar so that lines wrap alike.
  const align = useCallback(() => {
    const el = input.current;
    const back = layer.current;
    if (!el || !back) return;
    const style = getComputedStyle(el);
    const bar = el.offsetWidth - el.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    back.style.right = `${Math.max(0, bar)}px`;
    back.scrollTop = el.scrollTop;
    back.scrollLeft = el.scrollLeft;
  }, []);

  useLayoutEffect(align, [align, value, findings]);
  useLayoutEffect(() => {
    const el = input.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(align);
    observer.observe(el);
    return () => observer.disconnect();
  }, [align]);

  return (
    <div className="lint-editor">
      <div className="lint-backdrop" ref={layer} aria-hidden="true">
        {highlightRuns(value, findings).map((run, i) =>
          run.severity ? (
            <mark key={i} className={`lint-mark lint-mark-${run.severity}`}>
              {run.text}
            </mark>
          ) : (
            run.text
          ),
        )}
        {/* A last line that ends with a line break still takes its height in the textarea. */}
        {'\u200b'}
      </div>
      <textarea
        {...rest}
        ref={setRef}
        value={value}
        className={className ? `lint-input ${className}` : 'lint-input'}
        onScroll={(event) => {
          align();
          onScroll?.(event);
        }}
      />
    </div>
  );
});
