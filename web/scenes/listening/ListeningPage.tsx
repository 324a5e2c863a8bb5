import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { listeningApi, type Topic } from './api.js';
import { ListeningTabs, listeningPath } from './ListeningTabs.js';
import { isPeriod, rangeOf, type Period } from './period.js';
import { useListeningStream } from './useListeningStream.js';
import { TopicChips } from './dashboard/TopicChips.js';
import { PeriodPicker } from './dashboard/PeriodPicker.js';
import { VolumeChart } from './dashboard/VolumeChart.js';
import { SentimentChart } from './dashboard/SentimentChart.js';
import { ShareOfVoice } from './dashboard/ShareOfVoice.js';
import { RisingTerms } from './dashboard/RisingTerms.js';
import { TopAuthors } from './dashboard/TopAuthors.js';
import { SourceBreakdown } from './dashboard/SourceBreakdown.js';

// Live news refreshes the figures at most this often: a burst of mentions is one redraw, not hundreds.
const REFRESH_MS = 10_000;

/** The listening overview: volume, sentiment, share of voice, what rises, who speaks, and from where. */
export function ListeningPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [topics, reloadTopics] = useLoad(() => listeningApi.topics(wid), [wid]);
  const [sources] = useLoad(() => listeningApi.sources(wid), [wid]);
  // Topics without a source match nothing: the empty charts would not say why.
  const unread = topics.status === 'ready' && topics.data.items.length > 0 && sources.status === 'ready' && sources.data.items.length === 0;

  return (
    <Page title={t('listening.dashboard.title')} lead={t('listening.dashboard.lead')}>
      <ListeningTabs />
      <div className="listening-area">
        <LoadStatus loaded={topics} reload={reloadTopics} />
        {topics.status === 'ready' && topics.data.items.length === 0 ? (
          <section className="card listening-start">
            <h2>{t('listening.dashboard.emptyTitle')}</h2>
            <p>{t('listening.dashboard.emptyText')}</p>
            <Link className="button button-primary" to={`${listeningPath(wid, '/topics')}?new=1`}>
              {t('listening.dashboard.emptyLink')}
            </Link>
          </section>
        ) : null}
        {unread ? (
          <section className="card listening-start">
            <h2>{t('listening.dashboard.noSourceTitle')}</h2>
            <p>{t('listening.dashboard.noSourceText')}</p>
            <Link className="button button-primary" to={listeningPath(wid, '/sources')}>
              {t('listening.dashboard.noSourceLink')}
            </Link>
          </section>
        ) : null}
        {topics.status === 'ready' && topics.data.items.length > 0 ? <Dashboard workspaceId={wid} topics={topics.data.items} /> : null}
      </div>
    </Page>
  );
}

function Dashboard({ workspaceId, topics }: { workspaceId: string; topics: Topic[] }) {
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const period: Period = isPeriod(periodParam) ? periodParam : '7d';
  const chosen = params.get('topics')?.split(',').filter((id) => topics.some((x) => x.id === id)) ?? [];
  const selected = chosen.length > 0 ? chosen : topics.map((x) => x.id);
  const key = selected.join(',');
  const [stats, reload] = useLoad(() => listeningApi.stats(workspaceId, { topicIds: key.split(','), ...rangeOf(period, Date.now()) }), [workspaceId, key, period]);
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  useListeningStream(workspaceId, (ids) => {
    if (ids.length > 0 && !ids.some((id) => selected.includes(id))) return;
    if (pending.current) return;
    // The last news of a burst is always shown, at most one redraw per interval.
    pending.current = setTimeout(() => {
      pending.current = null;
      last.current = Date.now();
      void reload();
    }, Math.max(0, last.current + REFRESH_MS - Date.now()));
  });
  const update = (change: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...change }), { replace: true });
  const ready = useMemo(() => (stats.status === 'ready' ? stats.data : null), [stats]);

  return (
    <>
      <div className="dashboard-controls">
        <TopicChips topics={topics} selected={selected} onChange={(ids) => update({ topics: ids.join(',') })} />
        <PeriodPicker value={period} onChange={(p) => update({ period: p })} />
      </div>
      {ready ? null : <LoadStatus loaded={stats} reload={reload} />}
      {ready ? (
        <div className="dashboard-grid">
          <div className="dashboard-wide">
            <VolumeChart stats={ready} />
          </div>
          <SentimentChart stats={ready} />
          <ShareOfVoice stats={ready} />
          <div className="dashboard-wide">
            <RisingTerms stats={ready} />
          </div>
          <div className="dashboard-wide">
            <TopAuthors stats={ready} />
          </div>
          <SourceBreakdown stats={ready} />
        </div>
      ) : null}
    </>
  );
}
