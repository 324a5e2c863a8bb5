import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { errorMessage } from '../../lib/errors.js';
import { inboxApi, type NoteView } from './api.js';
import { inert } from './text.js';
import { useWhen } from '../../app/useWhen.js';

/** The team's own notes on an item: never sent to the network. */
export function NotesPanel({ wid, itemId, notes, memberName, canWrite, onAdded }: {
  wid: string;
  itemId: string;
  notes: NoteView[];
  memberName: (userId: string | null) => string | null;
  canWrite: boolean;
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const id = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await inboxApi.addNote(wid, itemId, body.trim());
      setBody('');
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="inbox-notes" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('inbox.notes.title')}</h3>
      {notes.length === 0 ? <p className="muted">{t('inbox.notes.none')}</p> : null}
      <ul>
        {notes.map((note) => (
          <li key={note.id} className="inbox-note">
            <p className="inbox-msg-head">
              <UserText className="inbox-msg-author">{note.authorName ?? memberName(note.authorId) ?? t('inbox.notes.someone')}</UserText>
              <span className="muted">{clock.dateTime(note.createdAt)}</span>
            </p>
            <p className="inbox-note-body">
              <UserText>{inert(note.body, 5000)}</UserText>
            </p>
          </li>
        ))}
      </ul>
      {canWrite ? (
        <form onSubmit={(e) => void submit(e)} className="inbox-note-form">
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('inbox.notes.add')}</label>
            <textarea id={`${id}-body`} rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
          </div>
          <button type="submit" className="button button-small" disabled={busy || !body.trim()}>
            {t('inbox.notes.submit')}
          </button>
          <ErrorAlert>{error ? errorMessage(t, error) : null}</ErrorAlert>
        </form>
      ) : null}
    </section>
  );
}
