import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { applyEdits, type CheckInput, type Finding } from '../../../src/shared/charter/findings.js';
import { caretAfterEdits } from './caret.js';
import { FindingWords } from './FindingWords.js';
import { findingsSummary, fixLabel, type ShownFinding } from './wording.js';
import './charter-lint.css';

interface CharterFindingsProps {
  /** The summary's id, for the textarea's aria-describedby. */
  id?: string;
  className?: string;
  findings: readonly ShownFinding[];
  kind: CheckInput['kind'];
  /** The checked text and its editor: a finding's span can then be selected there, and its fix applied. */
  text?: string;
  textarea?: RefObject<HTMLTextAreaElement | null>;
  onChange?: (text: string) => void;
  /** Whose findings these are when a page shows several lists ("For @brand (Bluesky)"). */
  label?: string;
}

const SHOWN_SPAN = 24;
const shorten = (span: string) => {
  const flat = span.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN_SPAN ? `${flat.slice(0, SHOWN_SPAN - 1)}…` : flat;
};

/** Announced once the writer pauses, not on every keystroke. */
const ANNOUNCE_AFTER_MS = 700;

/** The charter's findings on one text: what, how serious, why, where (selected on demand), and the one-click fix. */
export function CharterFindings({ id, className, findings, kind, text, textarea, onChange, label }: CharterFindingsProps) {
  const { t } = useTranslation();
  const caret = useRef<number | null>(null);
  const summary = findingsSummary(t, findings);
  const [announced, setAnnounced] = useState(summary);

  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(summary), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [summary]);

  // After a fix the writer goes on typing where they were, the text around the caret rewritten.
  useLayoutEffect(() => {
    const el = textarea?.current;
    if (caret.current === null || !el) return;
    el.focus();
    el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text, textarea]);

  const editable = text !== undefined && onChange !== undefined;
  const select = (f: Finding) => {
    const el = textarea?.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  };
  const fix = (f: Finding) => {
    if (!editable || !f.fix) return;
    const el = textarea?.current;
    caret.current = caretAfterEdits(el ? el.selectionEnd : text.length, f.fix.edits);
    onChange(applyEdits(text, f.fix.edits));
  };
  const legal = kind === 'post' && findings.some((f) => f.needsLegalReview);

  return (
    <div role="group" className={className ? `lint ${className}` : 'lint'} aria-label={label ?? t('charter.lint.title')}>
      <p className="lint-summary" id={id}>
        {label ? `${label} ` : null}
        {summary}
      </p>
      <p className="visually-hidden" role="status">
        {label ? `${label} ` : null}
        {announced}
      </p>
      {legal ? <p className="alert alert-info lint-legal">{t('charter.lint.legalReview')}</p> : null}
      {findings.length ? (
        <ul className="lint-list">
          {findings.map((f, i) => {
            const span = text !== undefined && f.end > f.start ? text.slice(f.start, f.end) : '';
            return (
              <li key={`${f.rule}:${f.start}:${f.end}:${i}`} className={`lint-finding lint-finding-${f.severity}`}>
                <FindingWords finding={f}>
                  {(span && textarea) || (f.fix && editable) ? (
                    <div className="lint-actions">
                      {span && textarea ? (
                        <button type="button" className="button button-small lint-select" onClick={() => select(f)}>
                          {t('charter.lint.select', { text: shorten(span) })}
                        </button>
                      ) : null}
                      {f.fix && editable ? (
                        <button type="button" className="button button-small" onClick={() => fix(f)}>
                          {fixLabel(t, f)}
                        </button>
                      ) : null}
                    </div>
                  ) : null}
                </FindingWords>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
