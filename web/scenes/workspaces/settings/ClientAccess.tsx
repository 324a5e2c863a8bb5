import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceView } from '../../../../src/shared/api.js';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { errorMessage } from '../../../lib/errors.js';

interface ClientAccessProps {
  workspace: WorkspaceView;
  canEdit: boolean;
  onSaved: (workspace: WorkspaceView, message: string) => void;
}

/** What members with the client role see beyond the posts sent for approval: drafts, internal comments, the inbox. */
export function ClientAccess({ workspace, canEdit, onSaved }: ClientAccessProps) {
  const { t } = useTranslation();
  const id = useId();
  const [drafts, setDrafts] = useState(workspace.clientsSeeDrafts);
  const [comments, setComments] = useState(workspace.clientsSeeInternalComments);
  const [inbox, setInbox] = useState(workspace.clientsSeeInbox);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await api.workspaces.update(workspace.id, { clientsSeeDrafts: drafts, clientsSeeInternalComments: comments, clientsSeeInbox: inbox });
      onSaved(saved, t('workspaceSettings.clientsSaved'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const option = (key: 'Drafts' | 'InternalComments' | 'Inbox', checked: boolean, set: (v: boolean) => void) => (
    <div className="field">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => set(e.target.checked)} aria-describedby={`${id}-${key}`} />
        {t(`workspaceSettings.clientsSee${key}`)}
      </label>
      <p className="hint" id={`${id}-${key}`}>
        {t(`workspaceSettings.clientsSee${key}Hint`)}
      </p>
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('workspaceSettings.clients')}</h2>
      <p className="hint">{t('workspaceSettings.clientsIntro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorAlert>{error}</ErrorAlert>
        <fieldset className="plain-fieldset" disabled={!canEdit || busy}>
          <legend className="visually-hidden">{t('workspaceSettings.clients')}</legend>
          {option('Drafts', drafts, setDrafts)}
          {option('InternalComments', comments, setComments)}
          {option('Inbox', inbox, setInbox)}
        </fieldset>
        {canEdit ? (
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('workspaceSettings.saving') : t('workspaceSettings.clientsSave')}
          </button>
        ) : null}
      </form>
    </section>
  );
}
