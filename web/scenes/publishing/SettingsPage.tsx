import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { Page } from '../../components/Page.js';
import { workspacePath } from '../../lib/areas.js';

/** Settings: the parts that exist so far, each with what it is for. */
export function SettingsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const base = workspacePath(workspace.workspaceId, 'settings');
  return (
    <Page title={t('areas.settings.title')} lead={t('settings.intro')}>
      <ul className="area-grid">
        <li className="area-card">
          <h2>
            <Link to={`${base}/workspace`}>{t('workspaceSettings.title')}</Link>
          </h2>
          <p>{t('workspaceSettings.card')}</p>
        </li>
        <li className="area-card">
          <h2>
            <Link to={`${base}/accounts`}>{t('accounts.title')}</Link>
          </h2>
          <p>{t('accounts.intro')}</p>
        </li>
        <li className="area-card">
          <h2>
            <Link to={`${base}/publishing`}>{t('publishingSettings.title')}</Link>
          </h2>
          <p>{t('publishingSettings.intro')}</p>
        </li>
        {workspace.can('inbox.read') ? (
          <li className="area-card">
            <h2>
              <Link to={`${base}/departments`}>{t('tickets.departments.title')}</Link>
            </h2>
            <p>{t('tickets.departments.lead')}</p>
          </li>
        ) : null}
        {workspace.can('inbox.read') ? (
          <li className="area-card">
            <h2>
              <Link to={`${base}/saved-replies`}>{t('moderation.savedReplies.title')}</Link>
            </h2>
            <p>{t('moderation.savedReplies.card')}</p>
          </li>
        ) : null}
      </ul>
    </Page>
  );
}
