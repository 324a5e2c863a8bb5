import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type AltTextProps = {
  label: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
} & (
  | { value: string; onChange: (text: string) => void; defaultValue?: undefined; onCommit?: undefined }
  | { defaultValue: string; onCommit: (text: string) => void; value?: undefined; onChange?: undefined }
);

/** An image's description: a box large enough to read back what one writes, with its length as one types. */
export function AltText({ label, hint, required, disabled, ...mode }: AltTextProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(mode.defaultValue ?? '');
  const text = mode.value ?? draft;
  const count = [...new Intl.Segmenter().segment(text)].length;
  return (
    <div className="field alt-text">
      <label htmlFor={id}>
        {label} {required ? <span className="required">({t('composer.required')})</span> : null}
      </label>
      <textarea
        id={id}
        rows={4}
        value={text}
        disabled={disabled}
        required={required}
        aria-required={required || undefined}
        aria-describedby={`${id}-count${hint ? ` ${id}-hint` : ''}`}
        onChange={(e) => (mode.onChange ? mode.onChange(e.target.value) : setDraft(e.target.value))}
        onBlur={(e) => mode.onCommit?.(e.target.value.trim())}
      />
      <p className="hint alt-count" id={`${id}-count`}>
        {t('composer.altCount', { count })}
      </p>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
