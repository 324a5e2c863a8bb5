import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<R extends { key: string }> {
  rows: R[];
  onChange: (rows: R[]) => void;
  make: () => R;
  /** The name of one row, numbered, for its group and its remove button ("Preferred term 2"). */
  rowLabel: (index: number) => string;
  addLabel: string;
  empty: string;
  children: (row: R, index: number, set: (patch: Partial<R>) => void) => ReactNode;
}

/**
 * An editable list: each row a group of fields with its own remove button, and a button that adds an empty row
 * and moves the focus into it.
 */
export function RowList<R extends { key: string }>({ rows, onChange, make, rowLabel, addLabel, empty, children }: Props<R>) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const added = useRef<string | null>(null);
  const removed = useRef(false);

  // The focus follows the change: into a new row, or to the add button when the row that held it is gone.
  useEffect(() => {
    if (added.current) list.current?.querySelector<HTMLElement>(`[data-row="${added.current}"] :is(input, select)`)?.focus();
    else if (removed.current) addButton.current?.focus();
    added.current = null;
    removed.current = false;
  });

  const add = () => {
    const row = make();
    added.current = row.key;
    onChange([...rows, row]);
  };

  return (
    <>
      {rows.length === 0 ? <p className="muted">{empty}</p> : null}
      <ol className="charter-rows" ref={list}>
        {rows.map((row, i) => (
          <li key={row.key} data-row={row.key}>
            <fieldset className="charter-row">
              <legend className="visually-hidden">{rowLabel(i)}</legend>
              <div className="charter-row-fields">
                {children(row, i, (patch) => onChange(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r))))}
              </div>
              <button
                type="button"
                className="button button-small charter-row-remove"
                aria-label={t('charter.page.removeRow', { row: rowLabel(i) })}
                onClick={() => {
                  removed.current = true;
                  onChange(rows.filter((r) => r.key !== row.key));
                }}
              >
                {t('charter.page.remove')}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-small" ref={addButton} onClick={add}>
        {addLabel}
      </button>
    </>
  );
}
