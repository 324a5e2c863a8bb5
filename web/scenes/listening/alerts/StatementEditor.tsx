import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../../app/useSubmit.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { inert } from '../../inbox/text.js';

const STATEMENT_MAX = 5000;

interface Props {
  statement: string;
  readOnly: boolean;
  onSave: (statement: string) => Promise<void>;
}

/** The holding statement the team agrees on before anyone answers in public: written, saved for all, copied out. */
export function StatementEditor({ statement, readOnly, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(statement);
  const [said, setSaid] = useState('');
  useEffect(() => setDraft(statement), [statement]);
  const save = useSubmit(async () => {
    await onSave(draft);
    setSaid(t('crisis.statement.saved'));
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft);
      setSaid(t('common.copied'));
    } catch {
      setSaid(t('common.copyFailed'));
    }
  };
  const changed = draft !== statement;

  return (
    <section className="card alert-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('crisis.statement.title')}</h2>
      {readOnly ? (
        <>
          <p className="muted">{t('crisis.statement.readOnly')}</p>
          {statement ? <p className="crisis-statement">{inert(statement)}</p> : <p className="muted">{t('crisis.statement.none')}</p>}
        </>
      ) : (
        <form className="form" onSubmit={save.onSubmit}>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('crisis.statement.label')}</label>
            <textarea
              id={`${id}-text`}
              rows={6}
              maxLength={STATEMENT_MAX}
              value={draft}
              aria-describedby={`${id}-hint`}
              onChange={(e) => {
                setDraft(e.target.value);
                setSaid('');
              }}
            />
            <p className="hint" id={`${id}-hint`}>
              {changed ? t('crisis.statement.unsaved') : t('crisis.statement.hint')}
            </p>
          </div>
          <ErrorAlert>{save.error}</ErrorAlert>
          <div className="crisis-buttons">
            <button type="submit" className="button button-primary" disabled={save.busy || !changed}>
              {t('crisis.statement.save')}
            </button>
            <button type="button" className="button" disabled={!draft} onClick={() => void copy()}>
              {t('crisis.statement.copy')}
            </button>
          </div>
        </form>
      )}
      <p className="hint" role="status">
        {said}
      </p>
    </section>
  );
}
