import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../app/workspace.js';
import { useLoad } from '../../../app/useLoad.js';
import { LoadStatus } from '../../../components/LoadStatus.js';
import { Page } from '../../../components/Page.js';
import { UserText } from '../../../components/UserText.js';
import { inert } from '../../inbox/text.js';
import { useWhen } from '../../../app/useWhen.js';
import { ListeningTabs } from '../ListeningTabs.js';
import { useListeningStream } from '../useListeningStream.js';
import { crisisApi, type AlertStatus } from './api.js';
import { KindTag, StatusTag, TopicName, alertPath, crisisPath } from './AlertTags.js';
import { duration, measure } from './text.js';
import './alerts.css';

type Filter = 'all' | AlertStatus;
const FILTERS: Filter[] = ['all', 'open', 'acknowledged', 'crisis'];

/** What the radar raised, newest first, under the crises still open. */
export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const wid = useWorkspace().workspaceId;
  const [filter, setFilter] = useState<Filter>('all');
  const [alerts, reloadAlerts] = useLoad(() => crisisApi.alerts(wid, filter === 'all' ? undefined : filter), [wid, filter]);
  const [crises, reloadCrises] = useLoad(() => crisisApi.crises(wid), [wid]);
  useListeningStream(wid, () => {
    void reloadAlerts();
    void reloadCrises();
  });
  const open = crises.status === 'ready' ? crises.data.items.filter((c) => c.status === 'open') : [];
  const items = alerts.status === 'ready' ? [...alerts.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];
  const now = Date.now();

  return (
    <Page title={t('crisis.alerts.title')} lead={t('crisis.alerts.lead')}>
      <ListeningTabs />
      <div className="alerts-area">
        {open.length ? (
          <section className="card crisis-open" aria-labelledby="open-crises">
            <h2 id="open-crises">{t('crisis.alerts.openCrises', { count: open.length })}</h2>
            <ul className="crisis-open-list">
              {open.map((c) => (
                <li key={c.id}>
                  <Link to={crisisPath(wid, c.id)}>
                    <UserText>{inert(c.title, 160)}</UserText>
                  </Link>{' '}
                  <span className="muted">{t('crisis.alerts.openFor', { duration: duration(t, c.openedAt, now) })}</span>
                  {c.pausedPublishing ? <span className="tag alert-paused">{t('crisis.room.paused')}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <LoadStatus loaded={crises} reload={reloadCrises} />
        <div className="tabs alerts-filters" role="group" aria-label={t('crisis.alerts.filter')}>
          {FILTERS.map((f) => (
            <button key={f} type="button" className="tab" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(`crisis.alerts.filters.${f}`)}
            </button>
          ))}
        </div>
        <section className="card" aria-label={t('crisis.alerts.listLabel')}>
          <LoadStatus loaded={alerts} reload={reloadAlerts} />
          {alerts.status === 'ready' && items.length === 0 ? <p className="muted">{t(`crisis.alerts.empty.${filter}`)}</p> : null}
          <ul className="alert-list">
            {items.map((a) => (
              <li key={a.id} className={`alert-row ${a.kind === 'positive_surge' ? 'is-opportunity' : 'is-threat'}`}>
                <div className="alert-row-main">
                  <TopicName alert={a} />
                  <Link to={alertPath(wid, a.id)} className="alert-row-link">
                    {measure(t, a, i18n.language)}
                  </Link>
                  <span className="muted">
                    <time dateTime={a.createdAt}>{clock.dateTime(a.createdAt)}</time>
                  </span>
                </div>
                <div className="alert-row-tags">
                  <KindTag alert={a} />
                  <StatusTag status={a.status} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Page>
  );
}
