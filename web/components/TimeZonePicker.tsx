import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentName, searchZones, timeIn, zoneChoices } from '../lib/timezones.js';

interface TimeZonePickerProps {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  /** What the zone is used for, under the current time there. */
  hint?: string;
  disabled?: boolean;
}

const PAGE = 10;

/**
 * A time zone combobox (WAI-ARIA combobox with a list): type a city, a region, an old name or an offset to
 * filter, arrows to move, Enter to pick, Escape to close. Each zone shows its UTC offset now.
 */
export function TimeZonePicker({ label, value, onChange, hint, disabled }: TimeZonePickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const input = useRef<HTMLInputElement>(null);
  const choices = useMemo(() => zoneChoices(Date.now(), value ? [value] : []), [value]);
  const selected = currentName(value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = useMemo(() => (query ? searchZones(choices, query) : choices), [choices, query]);
  const current = choices.find((c) => c.id === selected);

  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId only depends on the stable id.
  }, [open, active, results]);

  const show = (at?: number) => {
    const start = at ?? Math.max(0, results.findIndex((c) => c.id === selected));
    setActive(start);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (zone: string) => {
    close();
    if (zone !== value) onChange(zone);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      e.preventDefault();
      if (!open) return show();
      setActive(Math.max(0, Math.min(results.length - 1, to)));
    };
    if (e.key === 'ArrowDown') {
      if (e.altKey) return show();
      move(active + 1);
    } else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'PageDown') move(active + PAGE);
    else if (e.key === 'PageUp') move(active - PAGE);
    else if (e.key === 'Enter') {
      // Enter picks a zone; it never submits the form around the picker.
      if (open && results[active]) {
        e.preventDefault();
        choose(results[active].id);
      }
    } else if (e.key === 'Escape') {
      if (open || query !== null) {
        e.preventDefault();
        close();
      }
    }
  };

  const now = current ? t('timezone.now', { time: timeIn(current.id, i18n.language), offset: current.offset }) : '';
  return (
    <div className="field tz-picker">
      <label htmlFor={id}>{label}</label>
      <div className="tz-control">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && results[active] ? optionId(active) : undefined}
          aria-describedby={hint ? `${id}-now ${id}-hint` : `${id}-now`}
          disabled={disabled}
          value={query ?? selected}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(e) => e.target.select()}
          onClick={() => (open ? undefined : show())}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <button
          type="button"
          className="tz-toggle"
          tabIndex={-1}
          aria-label={t('timezone.showAll')}
          aria-expanded={open}
          aria-controls={listId}
          disabled={disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (open) return close();
            input.current?.focus();
            show();
          }}
        >
          ▾
        </button>
        <div className="tz-popup" hidden={!open} onMouseDown={(e) => e.preventDefault()}>
          <ul id={listId} role="listbox" aria-label={label} className="tz-list">
            {open
              ? results.map((c, i) => (
                  <li
                    key={c.id}
                    id={optionId(i)}
                    role="option"
                    aria-selected={c.id === selected}
                    className={i === active ? 'tz-option tz-active' : 'tz-option'}
                    onMouseMove={() => (i === active ? undefined : setActive(i))}
                    onClick={() => choose(c.id)}
                  >
                    <span className="tz-name">{c.id}</span>{' '}
                    <span className="tz-offset">{c.offset}</span>
                  </li>
                ))
              : null}
          </ul>
          {open && results.length === 0 ? <p className="tz-empty">{t('timezone.noMatch', { query: query ?? '' })}</p> : null}
        </div>
      </div>
      <p className="hint" id={`${id}-now`}>
        {now}
      </p>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {open && query ? t('timezone.count', { count: results.length }) : ''}
      </p>
    </div>
  );
}
