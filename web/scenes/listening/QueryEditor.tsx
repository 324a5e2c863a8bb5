import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.js';
import type { QueryCheck } from './api.js';
import { queryErrorText } from './names.js';
import { QueryHelp } from './QueryHelp.js';

interface QueryEditorProps {
  value: string;
  onChange: (value: string) => void;
  check: QueryCheck | null;
  checking: boolean;
}

/**
 * The topic's boolean query, checked as it is typed: the error in words, and the query written again below with the
 * part to fix underlined, so that the column is seen as well as read.
 */
export function QueryEditor({ value, onChange, check, checking }: QueryEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const error = check?.error ?? null;
  const described = [`${id}-status`, `${id}-hint`].join(' ');
  return (
    <div className="field query-editor">
      <label htmlFor={id}>{t('listening.topics.form.query')}</label>
      <textarea
        id={id}
        className="query-input"
        value={value}
        rows={3}
        maxLength={2000}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
        required
      />
      <p className="hint" id={`${id}-hint`}>
        {t('listening.topics.form.queryHint')}
      </p>
      <div id={`${id}-status`} className="query-status" aria-live="polite">
        {error ? (
          <>
            <p className="query-error">{queryErrorText(t, error)}</p>
            <Underlined query={value} from={error.column - 1} length={error.length} label={t('listening.query.here')} />
          </>
        ) : check?.ok && !checking ? (
          <p className="query-ok">
            {check.terms.length > 0
              ? t('listening.query.looksFor', { terms: check.terms.slice(0, 20).map((x) => `« ${x} »`).join(', ') })
              : t('listening.query.valid')}
          </p>
        ) : null}
      </div>
      <QueryHelp />
    </div>
  );
}

/** The query with the span to fix underlined; an empty span (a missing word at the end) is shown as a mark. */
function Underlined({ query, from, length, label }: { query: string; from: number; length: number; label: string }) {
  const start = Math.max(0, Math.min(from, query.length));
  const end = Math.max(start, Math.min(start + Math.max(length, 0), query.length));
  return (
    <p className="query-echo">
      <code>
        <UserText>{query.slice(0, start)}</UserText>
        <mark className="query-bad" aria-label={label}>
          {end > start ? <UserText>{query.slice(start, end)}</UserText> : '\u2038'}
        </mark>
        <UserText>{query.slice(end)}</UserText>
      </code>
    </p>
  );
}
