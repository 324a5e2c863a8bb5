import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.js';
import { Dialog } from '../../components/ConfirmDialog.js';
import { inert } from './text.js';

interface Props {
  count: number;
  /** The labels the items have now (for one item, all of its labels). */
  current: string[];
  known: string[];
  onSave: (change: { add: string[]; remove: string[] }) => void;
  onClose: () => void;
}

export const cleanLabel = (label: string) => label.replace(/\s+/g, ' ').trim().slice(0, 40);

/** Labels to add (typed, or picked among the workspace's) and to take off. */
export function LabelDialog({ count, current, known, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [kept, setKept] = useState<Set<string>>(new Set(current));
  const [added, setAdded] = useState<string[]>([]);

  const add = () => {
    const label = cleanLabel(typed);
    if (label && !kept.has(label) && !added.includes(label)) setAdded([...added, label]);
    setTyped('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const last = cleanLabel(typed);
    const all = last && !added.includes(last) && !kept.has(last) ? [...added, last] : added;
    onSave({ add: all, remove: current.filter((l) => !kept.has(l)) });
  };

  return (
    <Dialog title={t('inbox.labels.title', { count })} onClose={onClose} className="inbox-dialog">
      <form onSubmit={submit} className="form">
        {current.length > 0 ? (
          <fieldset>
            <legend>{t('inbox.labels.current')}</legend>
            <ul className="inbox-label-checks">
              {current.map((label) => (
                <li key={label}>
                  <label>
                    <input
                      type="checkbox"
                      checked={kept.has(label)}
                      onChange={(e) => {
                        const next = new Set(kept);
                        if (e.target.checked) next.add(label);
                        else next.delete(label);
                        setKept(next);
                      }}
                    />{' '}
                    <UserText>{inert(label, 60)}</UserText>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-new`}>{t('inbox.labels.add')}</label>
          <div className="inbox-label-add">
            <input
              id={`${id}-new`}
              list={`${id}-known`}
              value={typed}
              maxLength={40}
              autoFocus
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && typed.trim()) {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <button type="button" className="button button-small" onClick={add} disabled={!typed.trim()}>
              {t('inbox.labels.addButton')}
            </button>
          </div>
          <datalist id={`${id}-known`}>
            {known.map((label) => (
              <option key={label} value={label} />
            ))}
          </datalist>
        </div>
        {added.length > 0 ? (
          <p aria-live="polite">
            {t('inbox.labels.toAdd')}{' '}
            {added.map((label) => (
              <span key={label} className="inbox-label">
                <UserText>{label}</UserText>
              </span>
            ))}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('inbox.labels.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
