import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { api } from '../../api/client.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { dayRangeInZone, zoneLabel } from '../../lib/format.js';
import { analyticsApi, type Dashboard, type Figure, type HeatCell } from './api.js';
import { AnalyticsTabs } from './AnalyticsTabs.js';
import { FILTERS, useDashboardQuery } from './useDashboardQuery.js';
import { dayLong, hourName, weekdayName } from './days.js';
import { DashboardControls } from './dashboard/DashboardControls.js';
import { FigureGrid } from './dashboard/FigureCard.js';
import { EngagementChart } from './dashboard/EngagementChart.js';
import { FollowersChart } from './dashboard/FollowersChart.js';
import { Breakdowns, type BreakdownPick } from './dashboard/Breakdowns.js';
import { BestTimes } from './dashboard/BestTimes.js';
import { TopPosts } from './dashboard/TopPosts.js';
import { Community } from './dashboard/Community.js';
import { ChannelWatch } from './dashboard/ChannelWatch.js';
import { DrillDown, type Drill } from './dashboard/DrillDown.js';
import { NoFigures } from './dashboard/NoFigures.js';
import { ObjectivesSummary } from './objectives/ObjectivesSummary.js';

/** The analytics overview: key figures with their formulas, curves, breakdowns, best times, posts, community. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [settings, reloadSettings] = useLoad(() => api.workspaces.get(wid), [wid]);
  return (
    <Page title={t('analytics.title')} lead={t('analytics.lead')}>
      <AnalyticsTabs />
      <div className="listening-area analytics-area">
        <LoadStatus loaded={settings} reload={reloadSettings} />
        {settings.status === 'ready' ? <Overview workspaceId={wid} zone={settings.data.timezone} /> : null}
      </div>
    </Page>
  );
}

function Overview({ workspaceId, zone }: { workspaceId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const state = useDashboardQuery(zone);
  const [loaded, reload] = useLoad(() => analyticsApi.dashboard(workspaceId, state.query), [workspaceId, state.query]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const dashboard = loaded.status === 'ready' ? loaded.data : null;
  const open = (title: string, narrower: object) => setDrill({ title, query: { ...state.query, ...narrower } });
  const periodText = dayRangeInZone(
    state.query.from,
    new Date(new Date(state.query.to).getTime() - 1).toISOString(),
    zone,
    locale,
  );

  return (
    <>
      <DashboardControls state={state} zone={zone} dashboard={dashboard} />
      <p className="analytics-period" role="status">
        {t('analytics.period.showing', {
          period: periodText,
          zone: zoneLabel(t, zone),
        })}
        {dashboard ? ` ${t('analytics.period.against', { period: comparisonText(dashboard, zone, locale) })}` : ''}
      </p>
      {dashboard ? null : <LoadStatus loaded={loaded} reload={reload} />}
      {dashboard ? (
        <div className="dashboard-grid">
          {hasPublishing(dashboard) ? (
            <>
              <div className="dashboard-wide">
                <ObjectivesSummary workspaceId={workspaceId} zone={zone} />
              </div>
              <div className="dashboard-wide">
                <KeyFigures dashboard={dashboard} />
              </div>
              <div className="dashboard-wide">
                <EngagementChart
                  dashboard={dashboard}
                  onDay={(day) => open(t('analytics.drill.dayTitle', { day: dayLong(day, locale) }), { day })}
                />
              </div>
              {dashboard.publishing.followers.value !== null ? (
                <div className="dashboard-wide">
                  <FollowersChart dashboard={dashboard} />
                </div>
              ) : null}
              <Breakdowns
                dashboard={dashboard}
                onPick={(pick: BreakdownPick) =>
                  open(t(`analytics.drill.${pick.filter}Title`, { name: pick.label }), { [pick.filter]: pick.key })
                }
              />
              <div className="dashboard-wide">
                <BestTimes
                  dashboard={dashboard}
                  onCell={(c: HeatCell) =>
                    open(
                      t('analytics.drill.cellTitle', {
                        weekday: weekdayName(c.weekday, locale),
                        hour: hourName(c.hour, locale),
                      }),
                      { weekday: c.weekday, hour: c.hour },
                    )
                  }
                />
              </div>
              <ChannelWatch
                workspaceId={workspaceId}
                accountId={state.query.accountId}
                network={state.query.network}
              />
              <div className="dashboard-wide">
                <TopPosts workspaceId={workspaceId} dashboard={dashboard} />
              </div>
            </>
          ) : (
            <div className="dashboard-wide">
              <NoFigures
                workspaceId={workspaceId}
                narrowed={FILTERS.some((f) => state.filters[f])}
                onWiden={() => state.update({ period: 'last_90', from: '', to: '', accountId: '', network: '', campaignId: '', label: '' })}
              />
              <ObjectivesSummary workspaceId={workspaceId} zone={zone} />
            </div>
          )}
          <Community dashboard={dashboard} />
        </div>
      ) : null}
      {drill ? <DrillDown workspaceId={workspaceId} drill={drill} zone={zone} onClose={() => setDrill(null)} /> : null}
    </>
  );
}

function comparisonText(dashboard: Dashboard, zone: string, locale: string): string {
  const { start, end } = dashboard.comparisonPeriod;
  return dayRangeInZone(new Date(start).toISOString(), new Date(end - 1).toISOString(), zone, locale);
}

/** Whether the period holds anything of the accounts': a post, a reading of followers, or engagement gained. */
function hasPublishing(dashboard: Dashboard): boolean {
  const p = dashboard.publishing;
  return (p.posts.value ?? 0) > 0 || p.followers.value !== null || dashboard.series.some((d) => d.engagement > 0);
}

/** Neither network counts views today: their figures show only where some post of either period has views. */
const withViews = (p: Dashboard['publishing']) => p.views.value !== null || p.views.previous !== null;

function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const p = dashboard.publishing;
  const views = withViews(p);
  const figures: [string, Figure][] = [
    ['engagement', p.engagement],
    ['engagementRateFollowers', p.engagementRateFollowers],
    ...(views ? ([['engagementRateViews', p.engagementRateViews]] as [string, Figure][]) : []),
    ['followers', p.followers],
    ['followerGrowth', p.followerGrowth],
    ['followerGrowthPct', p.followerGrowthPct],
    ['posts', p.posts],
    ['likes', p.likes],
    ['reposts', p.reposts],
    ['replies', p.replies],
    ['quotes', p.quotes],
    ...(views ? ([['views', p.views]] as [string, Figure][]) : []),
  ];
  return <FigureGrid title={t('analytics.sections.keyFigures')} figures={figures} />;
}
