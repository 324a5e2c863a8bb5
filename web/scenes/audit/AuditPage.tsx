import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../src/shared/api.js';
import { api } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { AuditRow } from './AuditRow.js';
import '../../styles/audit.css';

export function AuditPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const allowed = workspace.can('audit.read');
  const [first] = useLoad(() => (allowed ? api.audit.page(wid) : Promise.resolve({ items: [], nextCursor: null })), [wid, allowed]);
  const [older, setOlder] = useState<AuditEventView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setOlder([]);
    setCursor(first.status === 'ready' ? first.data.nextCursor : null);
  }, [first]);

  if (!allowed) return <Page title={t('audit.title')} lead={t('errors.forbidden')} />;

  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.audit.page(wid, cursor);
      setOlder((list) => [...list, ...page.items]);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const events = first.status === 'ready' ? [...first.data.items, ...older] : [];
  return (
    <Page title={t('audit.title')} lead={t('audit.intro')}>
      <section className="card">
        {first.status === 'loading' ? <Loading /> : null}
        {first.status === 'failed' ? <ErrorAlert>{errorMessage(t, first.error)}</ErrorAlert> : null}
        {first.status === 'ready' && events.length === 0 ? <p className="muted">{t('audit.empty')}</p> : null}
        {events.length > 0 ? (
          <div className="table-wrap">
            <table className="log-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.event')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <AuditRow key={event.id} event={event} workspaceId={wid} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <ErrorAlert>{error}</ErrorAlert>
        {cursor ? (
          <button type="button" className="button" onClick={() => void loadMore()} disabled={busy}>
            {t('audit.more')}
          </button>
        ) : null}
      </section>
    </Page>
  );
}
