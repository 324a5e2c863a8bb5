import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { BulkItemResult } from '../../../src/shared/api.js';
import { api } from '../../api/client.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { longInZone } from '../../lib/zoned.js';
import { excerpt } from '../publishing/status.js';
import { ApprovalItem } from './approvals/ApprovalItem.js';
import { BulkBar } from './approvals/BulkBar.js';

/** Posts waiting for my decision at my step, each previewed in full; the others' turn is listed after. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [state, reload] = useLoad(async () => {
    const [posts, ws] = await Promise.all([publishing.posts.list(wid, { status: ['in_review'], unscheduled: true }), api.workspaces.get(wid)]);
    const soonest = [...posts.items].sort((a, b) => (a.scheduledAt ?? '~').localeCompare(b.scheduledAt ?? '~'));
    return { mine: soonest.filter((p) => p.approval.canDecide), others: soonest.filter((p) => !p.approval.canDecide), zone: ws.timezone };
  }, [wid]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [refused, setRefused] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const base = workspacePath(wid, 'calendar');
  const postPath = (id: string) => `${base}/posts/${encodeURIComponent(id)}`;

  const mine = state.status === 'ready' ? state.data.mine : [];
  const chosen = mine.filter((p) => selected.has(p.id));
  const select = (id: string, on: boolean) => setSelected((s) => (on ? new Set([...s, id]) : new Set([...s].filter((x) => x !== id))));

  const reason = (r: BulkItemResult) => t(`approvals.refused.${r.error?.code}`, { defaultValue: r.error?.message ?? t('errors.generic') });
  const approveSelected = async () => {
    setBusy(true);
    setError(null);
    setRefused([]);
    try {
      const items: BulkItemResult[] = [];
      // The route takes up to 100 posts at a time.
      for (let i = 0; i < chosen.length; i += 100) {
        const part = await publishing.posts.decideMany(wid, chosen.slice(i, i + 100).map((p) => p.id), 'approved', '');
        items.push(...part.items);
      }
      const titles = new Map(chosen.map((p) => [p.id, excerpt(p.body || '…', 60)]));
      const done = items.filter((r) => r.ok).length;
      setRefused(items.filter((r) => !r.ok).map((r) => t('approvals.refusedItem', { post: titles.get(r.id) ?? r.id, reason: reason(r) })));
      setSelected(new Set());
      await reload();
      setStatus(done ? t('approvals.approvedMany', { count: done }) : '');
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };
  const decided = (id: string, message: string) => {
    select(id, false);
    void reload().then(() => setStatus(message));
  };

  return (
    <Page title={t('approvals.title')} lead={t('approvals.intro')}>
      <p>
        <Link to={base}>{t('post.back')}</Link>
      </p>
      <div className="page-status">
        <StatusMessage>{status}</StatusMessage>
        <ErrorAlert>{error}</ErrorAlert>
        {refused.length ? (
          <div className="alert alert-error" role="alert">
            <p>{t('approvals.someRefused', { count: refused.length })}</p>
            <ul>
              {refused.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorAlert>{errorMessage(t, state.error)}</ErrorAlert> : null}
      {state.status === 'ready' ? (
        <>
          {mine.length === 0 ? (
            <section className="card">
              <p className="muted">{state.data.others.length ? t('approvals.noneForYou') : t('approvals.empty')}</p>
              {state.data.others.length === 0 ? (
                <p className="muted">
                  {t('approvals.emptyHow')}
                  {workspace.can('settings.read') ? (
                    <>
                      {' '}
                      <Link to={`${workspacePath(workspace.workspaceId)}/settings/publishing`}>{t('approvals.emptyLink')}</Link>
                    </>
                  ) : null}
                </p>
              ) : null}
            </section>
          ) : (
            <section aria-labelledby="approvals-mine">
              <h2 id="approvals-mine" className="section-title">
                {t('approvals.yourTurn')} <span className="card-count">{mine.length}</span>
              </h2>
              <BulkBar
                total={mine.length}
                selected={chosen.length}
                busy={busy}
                onSelectAll={(all) => setSelected(all ? new Set(mine.map((p) => p.id)) : new Set())}
                onApprove={() => void approveSelected()}
              />
              <div className="approval-list">
                {mine.map((p) => (
                  <ApprovalItem
                    key={`${p.id}:${p.version}`}
                    workspaceId={wid}
                    post={p}
                    zone={state.data.zone}
                    postPath={postPath(p.id)}
                    selected={selected.has(p.id)}
                    onSelect={(on) => select(p.id, on)}
                    onDecided={(message) => decided(p.id, message)}
                  />
                ))}
              </div>
            </section>
          )}
          {state.data.others.length ? (
            <section className="card" aria-labelledby="approvals-others">
              <h2 id="approvals-others">{t('approvals.othersTitle')}</h2>
              <ul className="post-list approvals-list">
                {state.data.others.map((p) => (
                  <li key={p.id}>
                    <Link to={postPath(p.id)}>{excerpt(p.body || '…', 90)}</Link>
                    <p className="muted">
                      {t('approvals.by', { name: p.author.name })}
                      {p.scheduledAt ? ` · ${longInZone(p.scheduledAt, state.data.zone, i18n.language)}` : ''}
                      {' · '}
                      {t('approvals.waiting', { step: (p.approval.currentStep ?? 0) + 1, count: p.approval.missing })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
