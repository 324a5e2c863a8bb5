import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../app/workspace.js';
import { useLoad } from '../../../app/useLoad.js';
import { useSubmit } from '../../../app/useSubmit.js';
import { ErrorAlert, StatusMessage } from '../../../components/Alert.js';
import { LoadStatus } from '../../../components/LoadStatus.js';
import { Page } from '../../../components/Page.js';
import { inert } from '../../inbox/text.js';
import { useWhen } from '../../../app/useWhen.js';
import { ListeningTabs, listeningPath } from '../ListeningTabs.js';
import { crisisApi } from './api.js';
import { AlertCurve } from './AlertCurve.js';
import { KindTag, StatusTag, TopicName, crisisPath } from './AlertTags.js';
import { EnterCrisisDialog } from './EnterCrisisDialog.js';
import { AlertAuthors, AlertMentions, RisingWords } from './Evidence.js';
import { measure } from './text.js';
import './alerts.css';

/** One alert with its evidence: the day's curve, the words that rose, the mentions and their authors. */
export function AlertPage() {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const alertId = useParams().alertId ?? '';
  const navigate = useNavigate();
  const [loaded, reload] = useLoad(() => crisisApi.alert(wid, alertId), [wid, alertId]);
  const [entering, setEntering] = useState(false);
  const [message, setMessage] = useState('');
  const acknowledge = useSubmit(async () => {
    await crisisApi.acknowledge(wid, alertId);
    setMessage(t('crisis.alert.acknowledged'));
    await reload();
  });
  const alert = loaded.status === 'ready' ? loaded.data : null;
  const title = alert ? t('crisis.alert.titleOf', { topic: inert(alert.topicName, 80) }) : t('crisis.alert.title');

  return (
    <Page title={title} lead={alert ? measure(t, alert, i18n.language) : undefined}>
      <ListeningTabs />
      <p>
        <Link to={listeningPath(wid, '/alerts')}>{t('crisis.alert.back')}</Link>
      </p>
      <LoadStatus loaded={loaded} reload={reload} />
      {alert ? (
        <div className="alerts-area">
          <div className="alert-head">
            <TopicName alert={alert} />
            <KindTag alert={alert} />
            <StatusTag status={alert.status} />
            <span className="muted">
              <time dateTime={alert.createdAt}>{clock.dateTime(alert.createdAt)}</time>
            </span>
          </div>
          {alert.kind === 'positive_surge' ? <p className="alert alert-info">{t('crisis.alert.opportunity')}</p> : null}
          <div className="alert-actions">
            {alert.crisisId ? (
              <Link className="button button-primary" to={crisisPath(wid, alert.crisisId)}>
                {t('crisis.alert.toRoom')}
              </Link>
            ) : null}
            {alert.status === 'open' ? (
              <button type="button" className="button" disabled={acknowledge.busy} onClick={() => void acknowledge.run()}>
                {t('crisis.alert.acknowledge')}
              </button>
            ) : null}
            {!alert.crisisId && workspace.can('crisis.manage') ? (
              <button type="button" className="button button-danger" onClick={() => setEntering(true)}>
                {t('crisis.alert.enter')}
              </button>
            ) : null}
          </div>
          <StatusMessage>{message}</StatusMessage>
          <ErrorAlert>{acknowledge.error}</ErrorAlert>
          <section className="card">
            <AlertCurve alert={alert} />
          </section>
          <div className="alert-columns">
            <AlertMentions alert={alert} />
            <div className="alert-side">
              <RisingWords alert={alert} />
              <AlertAuthors alert={alert} />
            </div>
          </div>
          {entering ? (
            <EnterCrisisDialog alert={alert} onClose={() => setEntering(false)} onOpened={(crisis) => navigate(crisisPath(wid, crisis.id))} />
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
