import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../../app/useSubmit.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { UserText } from '../../../components/UserText.js';
import { inert } from '../../inbox/text.js';
import { useWhen } from '../../../app/useWhen.js';
import type { LogEntry } from './api.js';
import { alertPath } from './AlertTags.js';

const NOTE_MAX = 2000;

// Entries written in one transaction share their time: they read in the order things happen.
const ORDER: Record<string, number> = { opened: 0, alert: 1, paused: 2, statement: 3, note: 4, resumed: 5, closed: 6 };
const byTime = (a: LogEntry, b: LogEntry) => a.at.localeCompare(b.at) || (ORDER[a.kind] ?? 4) - (ORDER[b.kind] ?? 4);

interface Props {
  workspaceId: string;
  log: LogEntry[];
  readOnly: boolean;
  onNote: (body: string) => Promise<void>;
}

/** Who did what since the room opened, in order, and a note anyone in the room can add to it. An alert's entry holds its id. */
export function CrisisLog({ workspaceId, log, readOnly, onNote }: Props) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const id = useId();
  const [note, setNote] = useState('');
  const add = useSubmit(async () => {
    if (!note.trim()) {
      add.setError(t('crisis.log.noteMissing'));
      return;
    }
    await onNote(note.trim());
    setNote('');
  });
  const entries = [...log].sort(byTime);

  return (
    <section className="card alert-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('crisis.log.title')}</h2>
      <ol className="crisis-log">
        {entries.map((e) => (
          <li key={e.id} className={`crisis-log-entry crisis-log-${e.kind}`}>
            <p className="crisis-log-line">
              <strong>{t(`crisis.log.kinds.${e.kind}`, { defaultValue: e.kind })}</strong>
              {' · '}
              {e.user ? <UserText>{inert(e.user.name, 120)}</UserText> : t('crisis.log.ruche')}
              {' · '}
              <time className="muted" dateTime={e.at}>
                {clock.dateTime(e.at)}
              </time>
            </p>
            {e.kind === 'alert' && e.body ? (
              <p className="crisis-log-body">
                <Link to={alertPath(workspaceId, e.body)}>{t('crisis.room.toAlert')}</Link>
              </p>
            ) : e.body ? (
              <p className="crisis-log-body">{inert(e.body, NOTE_MAX * 3)}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {readOnly ? null : (
        <form className="form crisis-note" onSubmit={add.onSubmit}>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('crisis.log.note')}</label>
            <textarea id={`${id}-note`} rows={3} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <ErrorAlert>{add.error}</ErrorAlert>
          <button type="submit" className="button" disabled={add.busy}>
            {t('crisis.log.add')}
          </button>
        </form>
      )}
    </section>
  );
}
