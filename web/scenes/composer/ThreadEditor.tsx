import { createRef, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../src/shared/charter/findings.js';
import { LintedTextarea } from '../../components/charter/LintedTextarea.js';
import { CharterFindings } from '../../components/charter/CharterFindings.js';
import { Counters } from './Counters.js';

interface ThreadEditorProps {
  parts: string[];
  networks: string[];
  onChange: (parts: string[]) => void;
  disabled?: boolean;
  prepare?: (network: string, text: string) => string;
  /** The charter's findings on each part; absent while the charter is read or the text is read only. */
  findings?: Finding[][];
}

/** Follow-up parts published as replies to the first post (a thread, or a first reply). */
export function ThreadEditor({ parts, networks, onChange, disabled, prepare, findings }: ThreadEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, text: string) => onChange(parts.map((p, j) => (j === i ? text : p)));
  const editors = useRef<Array<RefObject<HTMLTextAreaElement | null>>>([]);
  const editor = (i: number) => (editors.current[i] ??= createRef<HTMLTextAreaElement>());
  return (
    <section className="thread" aria-labelledby="thread-title">
      <h3 id="thread-title">{t('composer.thread')}</h3>
      <p className="hint">{t('composer.threadHint')}</p>
      {parts.map((part, i) => (
        <div className="field" key={i}>
          <label htmlFor={`thread-part-${i}`}>{t('composer.part', { number: i + 2 })}</label>
          <LintedTextarea
            ref={editor(i)}
            id={`thread-part-${i}`}
            rows={3}
            value={part}
            findings={findings?.[i] ?? []}
            disabled={disabled}
            aria-describedby={findings && part.trim() ? `thread-count-${i} thread-lint-${i}` : `thread-count-${i}`}
            onChange={(e) => set(i, e.target.value)}
          />
          <Counters id={`thread-count-${i}`} text={part} networks={networks} prepare={prepare} />
          {findings && part.trim() ? (
            <CharterFindings id={`thread-lint-${i}`} findings={findings[i] ?? []} kind="post" text={part} textarea={editor(i)} onChange={(text) => set(i, text)} />
          ) : null}
          <button type="button" className="button button-small" disabled={disabled} aria-label={t('composer.removePart', { number: i + 2 })} onClick={() => onChange(parts.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" disabled={disabled} onClick={() => onChange([...parts, ''])}>
        {t('composer.addPart')}
      </button>
    </section>
  );
}
