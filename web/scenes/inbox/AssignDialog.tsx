import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showDirectionControls } from '../../lib/bidi.js';
import { Dialog } from '../../components/ConfirmDialog.js';

interface Props {
  count: number;
  current: string | null;
  members: Array<{ userId: string; name: string }>;
  meId: string;
  onAssign: (userId: string | null) => void;
  onClose: () => void;
}

/** Who answers: a member of the team, or nobody. */
export function AssignDialog({ count, current, members, meId, onAssign, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState(current ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAssign(choice || null);
  };
  const ordered = [...members].sort((a, b) => (a.userId === meId ? -1 : b.userId === meId ? 1 : a.name.localeCompare(b.name)));
  return (
    <Dialog title={t('inbox.assign.title', { count })} onClose={onClose} className="inbox-dialog">
      <form onSubmit={submit} className="form">
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('inbox.assign.who')}</label>
          <select id={`${id}-who`} value={choice} onChange={(e) => setChoice(e.target.value)} autoFocus>
            <option value="">{t('inbox.assign.nobody')}</option>
            {ordered.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.userId === meId ? t('inbox.assign.me', { name: showDirectionControls(m.name) }) : showDirectionControls(m.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('inbox.assign.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
