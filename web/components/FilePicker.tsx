import { useId, useState, type DragEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePickerProps {
  /** The button's words; they name the field for a screen reader too. */
  label: string;
  accept: string;
  /** The chosen file's name, shown beside the button; null when none is. */
  chosen: string | null;
  onPick: (file: File | null) => void;
  disabled?: boolean;
  /** More text that describes the field (a hint's id). */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A file field in the app's language: the browser's own one speaks the browser's ("Browse…", "No file chosen"). The
 * real input stays, hidden but focusable inside its button-looking label, so the keyboard and screen readers use it
 * as usual; a file dropped on the field is taken as if chosen.
 */
export function FilePicker({ label, accept, chosen, onPick, disabled, describedBy, inputRef }: FilePickerProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const [over, setOver] = useState(false);

  const dragOver = (e: DragEvent) => {
    if (disabled || !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const drop = (e: DragEvent) => {
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (disabled || !file) return;
    e.preventDefault();
    onPick(file);
  };

  return (
    <div className={`file-picker${over ? ' is-over' : ''}`} onDragOver={dragOver} onDragLeave={() => setOver(false)} onDrop={drop}>
      <label className={`button file-button${disabled ? ' is-disabled' : ''}`}>
        {label}
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          accept={accept}
          disabled={disabled}
          aria-describedby={describedBy ? `${nameId} ${describedBy}` : nameId}
          onChange={(e) => onPick(e.target.files?.[0] ?? null)}
        />
      </label>
      <span id={nameId} className="file-picker-name">
        {chosen ?? t('common.noFile')}
      </span>
    </div>
  );
}
