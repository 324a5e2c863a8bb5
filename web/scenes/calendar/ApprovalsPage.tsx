import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { longInZone } from '../../lib/zoned.js';
import { excerpt } from '../publishing/status.js';

/** Posts waiting for approval, those it is the reader's turn to decide first. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [state] = useLoad(async () => {
    const [posts, ws] = await Promise.all([publishing.posts.list(wid, { status: ['in_review'], unscheduled: true }), api.workspaces.get(wid)]);
    const items = [...posts.items].sort((a, b) => Number(b.approval.canDecide) - Number(a.approval.canDecide));
    return { items, zone: ws.timezone };
  }, [wid]);
  const base = workspacePath(wid, 'calendar');

  return (
    <Page title={t('approvals.title')} lead={t('approvals.intro')}>
      <p>
        <Link to={base}>{t('post.back')}</Link>
      </p>
      <section className="card">
        {state.status === 'loading' ? <Loading /> : null}
        {state.status === 'failed' ? <ErrorAlert>{errorMessage(t, state.error)}</ErrorAlert> : null}
        {state.status === 'ready' && state.data.items.length === 0 ? <p className="muted">{t('approvals.empty')}</p> : null}
        {state.status === 'ready' && state.data.items.length > 0 ? (
          <ul className="post-list approvals-list">
            {state.data.items.map((p) => (
              <li key={p.id}>
                <Link to={`${base}/posts/${encodeURIComponent(p.id)}`}>{excerpt(p.body || '…', 90)}</Link>
                <p className="muted">
                  {t('approvals.by', { name: p.author.name })}
                  {p.scheduledAt ? ` · ${longInZone(p.scheduledAt, state.data.zone, i18n.language)}` : ''}
                  {' · '}
                  {p.approval.canDecide ? <strong>{t('approvals.yourTurn')}</strong> : t('approvals.waitingOthers')}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}
