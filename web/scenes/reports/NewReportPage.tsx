import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { api } from '../../api/client.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { reportsApi } from './api.js';
import { ReportForm } from './ReportForm.js';
import './reports.css';

/** A new report, or a saved template opened to change it; both are the same form. */
export function NewReportPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const { templateId } = useParams();
  const [loaded, reload] = useLoad(async () => {
    const [settings, template] = await Promise.all([
      api.workspaces.get(wid),
      templateId ? reportsApi.templates.get(wid, templateId) : Promise.resolve(null),
    ]);
    return { settings, template };
  }, [wid, templateId]);
  if (!workspace.can('reports.manage')) {
    return <Page title={t('notFound.roleTitle')} lead={t('notFound.role')} />;
  }
  return (
    <Page title={templateId ? t('reports.form.templateTitle') : t('reports.form.title')} lead={t('reports.form.lead')}>
      <div className="reports-area">
        <LoadStatus loaded={loaded} reload={reload} />
        {loaded.status === 'ready' ? (
          <ReportForm workspaceId={wid} settings={loaded.data.settings} template={loaded.data.template} />
        ) : null}
      </div>
    </Page>
  );
}
