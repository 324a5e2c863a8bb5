/**
 * The charter form's fields: each knows its path in the charter, shows the problem found there under itself, and
 * points its control at that sentence (aria-describedby, aria-invalid) so that a screen reader says it on focus.
 */
import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './draft.js';

export const FieldErrors = createContext<ReadonlyMap<string, FieldError>>(new Map());

/** The first problem at a path or inside it (a list of hashtags answers for each of its tags). */
export function errorAt(errors: ReadonlyMap<string, FieldError>, path: string): FieldError | null {
  const exact = errors.get(path);
  if (exact) return exact;
  for (const [at, error] of errors) if (at.startsWith(`${path}.`)) return error;
  return null;
}

export function useFieldError(path: string): string | null {
  const { t } = useTranslation();
  const error = errorAt(useContext(FieldErrors), path);
  if (!error) return null;
  if (error.code === 'server') return String(error.values.message);
  return t(`charter.page.errors.${error.code}`, error.values);
}

interface ControlIds {
  id: string;
  describedBy: string | undefined;
  invalid: true | undefined;
}

interface FieldProps {
  label: string;
  /** Where the field's value lives in the charter, to find its problem ("vocabulary.prefer.0.use"). */
  path: string;
  hint?: ReactNode;
  className?: string;
  children: (ids: ControlIds) => ReactNode;
}

export function Field({ label, path, hint, className, children }: FieldProps) {
  const id = useId();
  const error = useFieldError(path);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: error ? true : undefined })}
      {error ? (
        <p className="field-error" id={errorId!}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="hint" id={hintId!}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type TextProps = Omit<FieldProps, 'children'> & {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  lang?: string;
};

export function TextInput({ value, onChange, maxLength, placeholder, lang, ...field }: TextProps) {
  return (
    <Field {...field}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          lang={lang}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type NumberProps = Omit<FieldProps, 'children'> & { value: string; onChange: (value: string) => void; min: number; max: number };

/** A limit: a whole number, or empty for none. */
export function NumberInput({ value, onChange, min, max, ...field }: NumberProps) {
  return (
    <Field {...field} className={field.className ? `${field.className} field-number` : 'field-number'}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type SelectProps<V extends string> = Omit<FieldProps, 'children'> & {
  value: V;
  onChange: (value: V) => void;
  options: ReadonlyArray<{ value: V; label: string }>;
};

export function SelectInput<V extends string>({ value, onChange, options, ...field }: SelectProps<V>) {
  return (
    <Field {...field}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it, and an optional line saying what it does. */
export function Check({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="charter-check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A problem with a whole group (no languages ticked) said under its legend. */
export function GroupError({ path }: { path: string }) {
  const error = useFieldError(path);
  return error ? <p className="field-error">{error}</p> : null;
}
