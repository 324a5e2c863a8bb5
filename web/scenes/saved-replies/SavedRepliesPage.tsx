import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { savedReplies, type SavedReply } from '../../api/moderation.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { UserText } from '../../components/UserText.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { SavedReplyForm } from './SavedReplyForm.js';
import '../moderation/moderation.css';

/** Settings › Saved replies: the inbox's ready answers, in French and English. */
export function SavedRepliesPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canEdit = workspace.can('inbox.reply');
  const [loaded, reload] = useLoad(() => savedReplies.list(wid), [wid]);
  const [params] = useSearchParams();
  // ?edit=<id> opens that reply's editor: other pages link to a reply that needs changing.
  const [editing, setEditing] = useState<string | null>(canEdit ? params.get('edit') : null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const [filter, setFilter] = useState<'' | 'fr' | 'en'>('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const s = (key: string, values?: Record<string, unknown>) => t(`moderation.savedReplies.${key}`, values);
  const lang: 'fr' | 'en' = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const all = loaded.status === 'ready' ? loaded.data : [];
  const shown = all.filter((r) => !filter || r.language === filter);

  const remove = async (reply: SavedReply) => {
    setDeleting(null);
    setError(null);
    try {
      await savedReplies.remove(wid, reply.id);
      await reload();
      setStatus(s('deleted', { title: reply.title }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <Page title={s('title')} lead={s('intro')}>
      <p>
        <Link to={workspacePath(wid, 'settings')}>{t('settings.back')}</Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error}</ErrorAlert>
      {canEdit ? (
        <section className="card" aria-labelledby="sr-new">
          <h2 id="sr-new">{s('new')}</h2>
          <SavedReplyForm
            defaultLanguage={lang}
            onSave={async (input) => {
              await savedReplies.create(wid, input);
              await reload();
              setStatus(s('created', { title: input.title }));
            }}
          />
        </section>
      ) : (
        <p className="muted">{s('readOnly')}</p>
      )}
      <section className="card" aria-labelledby="sr-list">
        <div className="sr-list-head">
          <h2 id="sr-list">{s('list')}</h2>
          <label className="inline-field">
            {s('show')}
            <select value={filter} onChange={(e) => setFilter(e.target.value as '' | 'fr' | 'en')}>
              <option value="">{s('allLanguages')}</option>
              <option value="fr">{t('lang.fr')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </label>
        </div>
        <LoadStatus loaded={loaded} reload={reload} />
        {loaded.status === 'ready' && shown.length === 0 ? <p className="muted">{all.length ? s('noneInLanguage') : s('empty')}</p> : null}
        <ul className="sr-list">
          {shown.map((reply) => (
            <li key={reply.id} className="sr-item">
              {editing === reply.id ? (
                <SavedReplyForm
                  initial={reply}
                  defaultLanguage={lang}
                  onCancel={() => setEditing(null)}
                  onSave={async (input) => {
                    await savedReplies.update(wid, reply.id, input);
                    await reload();
                    setEditing(null);
                    setStatus(s('saved', { title: input.title }));
                  }}
                />
              ) : (
                <>
                  <div className="sr-item-head">
                    <h3>
                      <UserText>{reply.title}</UserText>
                    </h3>
                    <span className="tag" lang={reply.language}>
                      {reply.language.toUpperCase()}
                      <span className="visually-hidden"> ({t(`lang.${reply.language}`)})</span>
                    </span>
                  </div>
                  <p className="sr-body" lang={reply.language}>
                    <UserText>{reply.body}</UserText>
                  </p>
                  {canEdit ? (
                    <div className="cell-actions">
                      <button type="button" className="button button-small" aria-label={s('editFor', { title: reply.title })} onClick={() => setEditing(reply.id)}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="button button-small" aria-label={s('deleteFor', { title: reply.title })} onClick={() => setDeleting(reply)}>
                        {t('common.delete')}
                      </button>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {deleting ? (
        <ConfirmDialog
          title={s('deleteTitle', { title: deleting.title })}
          message={s('deleteText')}
          confirmLabel={t('common.delete')}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </Page>
  );
}
