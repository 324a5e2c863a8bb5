import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { api } from '../../api/client.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { UserText } from '../../components/UserText.js';
import { analyticsApi } from './api.js';
import { AnalyticsTabs, analyticsPath } from './AnalyticsTabs.js';
import { useDashboardQuery } from './useDashboardQuery.js';
import { DashboardControls } from './dashboard/DashboardControls.js';
import { formatValue, unitOf } from './figures.js';
import { AGENCY_COLUMNS, AgencyCards } from './AgencyCards.js';

/** Every workspace the member reads, side by side for the same period: an agency's view of its clients. */
export function AgencyPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [settings, reloadSettings] = useLoad(() => api.workspaces.get(workspace.workspaceId), [workspace.workspaceId]);
  return (
    <Page title={t('analytics.agency.title')} lead={t('analytics.agency.lead')}>
      <AnalyticsTabs />
      <div className="listening-area analytics-area">
        <LoadStatus loaded={settings} reload={reloadSettings} />
        {settings.status === 'ready' ? <Comparison zone={settings.data.timezone} /> : null}
      </div>
    </Page>
  );
}

function Comparison({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const state = useDashboardQuery(zone);
  const { from, to } = state.query;
  const [loaded, reload] = useLoad(() => analyticsApi.agency({ from, to }), [from, to]);
  const cell = (name: string, value: number | null) => (
    <td key={name} className={name === 'objectivesBehind' && value ? 'num agency-behind' : 'num'}>
      {formatValue(value, unitOf(name), locale)}
    </td>
  );
  return (
    <>
      <DashboardControls state={state} zone={zone} dashboard={null} compare={false} />
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' ? (
        <section className="card analytics-section">
          <div className="table-scroll agency-wide">
            <table className="agency-table">
              <caption className="visually-hidden">{t('analytics.agency.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.agency.workspace')}</th>
                  {AGENCY_COLUMNS.map((c) => (
                    <th key={c} scope="col" className="num">
                      {t(`analytics.figures.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((row) => (
                  <tr key={row.workspaceId}>
                    <th scope="row">
                      <Link to={analyticsPath(row.workspaceId)}>
                        <UserText>{row.name}</UserText>
                      </Link>
                    </th>
                    {AGENCY_COLUMNS.map((c) => cell(c, row[c]))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <AgencyCards rows={loaded.data.items} />
          <p className="figure-formula">{t('analytics.agency.note')}</p>
        </section>
      ) : null}
    </>
  );
}
