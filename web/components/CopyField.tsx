import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value (like an invitation link) with a Copy button that says what happened. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setMessage(t('common.copied'));
    } catch {
      input.current?.select();
      setMessage(t('common.copyFailed'));
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('common.copy')}
        </button>
      </div>
      <p className="hint" role="status">
        {message}
      </p>
    </div>
  );
}
