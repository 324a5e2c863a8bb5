import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moderation, type ModerationLogEntry } from '../../api/moderation.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../lib/errors.js';
import { ModerationNav } from './ModerationNav.js';
import { LogRow, undoOf } from './LogRow.js';
import '../../styles/audit.css';
import './moderation.css';

/** The append-only log: who or which rule, what, on which item, why, when; undo where the network allows it. */
export function LogPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canAct = workspace.can('moderation.act');
  const [first, reload] = useLoad(() => moderation.log.page(wid), [wid]);
  const [more, setMore] = useState<{ items: ModerationLogEntry[]; nextCursor: string | null } | null>(null);
  const [asking, setAsking] = useState<ModerationLogEntry | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const entries = first.status === 'ready' ? [...first.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.nextCursor : first.status === 'ready' ? first.data.nextCursor : null;

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await moderation.log.page(wid, cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setLoadingMore(false);
    }
  };

  const undo = async (entry: ModerationLogEntry) => {
    setAsking(null);
    setError(null);
    try {
      await moderation.log.undo(wid, entry.id);
      setMore(null);
      await reload();
      setStatus(t('moderation.log.undone', { action: t(`moderation.log.actions.${undoOf(entry.action) ?? entry.action}`) }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <Page title={t('moderation.log.title')} lead={t('moderation.log.intro')}>
      <ModerationNav />
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error}</ErrorAlert>
      <section className="card">
        {first.status === 'loading' ? <Loading /> : null}
        {first.status === 'failed' ? (
          <ErrorAlert>
            {errorMessage(t, first.error)}{' '}
            <button type="button" className="button button-small" onClick={() => void reload()}>
              {t('common.retry')}
            </button>
          </ErrorAlert>
        ) : null}
        {first.status === 'ready' && entries.length === 0 ? <p className="muted">{t('moderation.log.empty')}</p> : null}
        {entries.length > 0 ? (
          <div className="table-wrap">
            <table className="log-table mod-log">
              <thead>
                <tr>
                  <th scope="col">{t('moderation.log.what')}</th>
                  <th scope="col">{t('moderation.log.who')}</th>
                  <th scope="col">{t('moderation.log.item')}</th>
                  <th scope="col">{t('moderation.log.why')}</th>
                  <th scope="col">{t('moderation.log.when')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <LogRow key={entry.id} entry={entry} canUndo={canAct} onUndo={() => setAsking(entry)} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {cursor ? (
          <p>
            <button type="button" className="button" disabled={loadingMore} onClick={() => void loadMore()}>
              {t('moderation.log.more')}
            </button>
          </p>
        ) : null}
      </section>
      {asking ? (
        <ConfirmDialog
          title={t('moderation.log.undoTitle', { action: t(`moderation.log.actions.${asking.action}`, { defaultValue: asking.action }) })}
          message={t(`moderation.log.undoText.${undoOf(asking.action) ?? 'other'}`, {
            network: t(`moderation.networks.${asking.item?.network ?? asking.author?.network ?? ''}`, { defaultValue: asking.item?.network ?? asking.author?.network ?? '' }),
          })}
          confirmLabel={t(`moderation.log.undoButton.${undoOf(asking.action) ?? 'other'}`)}
          onConfirm={() => void undo(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </Page>
  );
}
