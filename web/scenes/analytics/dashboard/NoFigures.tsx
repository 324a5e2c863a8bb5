import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../app/workspace.js';
import { useLoad } from '../../../app/useLoad.js';
import { publishing } from '../../../api/publishing.js';
import { workspacePath } from '../../../lib/areas.js';

/**
 * In place of empty charts: why there is nothing to show and what to do. With no account connected, figures
 * cannot exist yet; with accounts, this period simply holds no post and no reading.
 */
export function NoFigures({ workspaceId, narrowed, onWiden }: { workspaceId: string; narrowed: boolean; onWiden: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  // A member who may not list the accounts is told what an owner would do.
  const [accounts] = useLoad(() => publishing.accounts.list(workspaceId).catch(() => null), [workspaceId]);
  if (accounts.status !== 'ready') return null;
  const none = accounts.data !== null && accounts.data.items.length === 0;
  if (none) {
    const connect = workspace.can('connections.manage');
    return (
      <section className="card listening-start analytics-start">
        <h2>{t('analytics.start.title')}</h2>
        <p>{t('analytics.start.text')}</p>
        {connect ? (
          <Link className="button button-primary" to={`${workspacePath(workspaceId, 'settings')}/accounts`}>
            {t('analytics.start.connect')}
          </Link>
        ) : (
          <p className="muted">{t('analytics.start.askOwner')}</p>
        )}
      </section>
    );
  }
  return (
    <section className="card listening-start analytics-start">
      <h2>{t('analytics.quiet.title')}</h2>
      <p>{narrowed ? t('analytics.quiet.narrowed') : t('analytics.quiet.text')}</p>
      <button type="button" className="button" onClick={onWiden}>
        {t('analytics.quiet.widen')}
      </button>
    </section>
  );
}
