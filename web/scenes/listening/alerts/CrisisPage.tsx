import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../app/workspace.js';
import { useLoad } from '../../../app/useLoad.js';
import { StatusMessage } from '../../../components/Alert.js';
import { LoadStatus } from '../../../components/LoadStatus.js';
import { Page } from '../../../components/Page.js';
import { UserText } from '../../../components/UserText.js';
import { inert } from '../../inbox/text.js';
import { useWhen } from '../../../app/useWhen.js';
import { ListeningTabs, listeningPath } from '../ListeningTabs.js';
import { crisisApi } from './api.js';
import { AlertCurve } from './AlertCurve.js';
import { TopicName, alertPath } from './AlertTags.js';
import { CloseCrisisDialog } from './CloseCrisisDialog.js';
import { CrisisLog } from './CrisisLog.js';
import { AlertMentions, RisingWords } from './Evidence.js';
import { StatementEditor } from './StatementEditor.js';
import { duration } from './text.js';
import './alerts.css';

const TOP_MENTIONS = 5;

/** The time now, again every minute: the room says how long it has been open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The crisis room: the evidence, the holding statement, the log of what the team did, and the way out. */
export function CrisisPage() {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const crisisId = useParams().crisisId ?? '';
  const [loaded, reload] = useLoad(() => crisisApi.crisis(wid, crisisId), [wid, crisisId]);
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState('');
  const now = useMinuteClock();
  const crisis = loaded.status === 'ready' ? loaded.data : null;
  const open = crisis?.status === 'open';
  const readOnly = !open || !workspace.can('crisis.manage');

  return (
    <Page title={crisis ? inert(crisis.title, 200) : t('crisis.room.title')}>
      <ListeningTabs />
      <p>
        <Link to={listeningPath(wid, '/alerts')}>{t('crisis.alert.back')}</Link>
      </p>
      <LoadStatus loaded={loaded} reload={reload} />
      <StatusMessage>{message}</StatusMessage>
      {crisis ? (
        <div className="alerts-area">
          <section className={`card crisis-head ${open ? 'is-open' : 'is-closed'}`} aria-label={t('crisis.room.state')}>
            <p className="crisis-head-line">
              <span className={`tag crisis-state crisis-state-${crisis.status}`}>{t(`crisis.room.status.${crisis.status}`)}</span>{' '}
              {open
                ? t('crisis.room.openFor', { duration: duration(t, crisis.openedAt, now) })
                : t('crisis.room.lasted', { duration: duration(t, crisis.openedAt, new Date(crisis.closedAt ?? crisis.openedAt).getTime()) })}
            </p>
            <p className="muted">
              {t('crisis.room.openedBy', { date: clock.dateTime(crisis.openedAt) })} <UserText>{inert(crisis.openedBy.name, 120)}</UserText>
              {crisis.closedAt ? ` · ${t('crisis.room.closedAt', { date: clock.dateTime(crisis.closedAt) })}` : ''}
            </p>
            <p className={crisis.publishingPaused ? 'crisis-publishing is-paused' : 'crisis-publishing'}>
              {crisis.publishingPaused ? t('crisis.room.publishingPaused') : t('crisis.room.publishingOn')}
            </p>
            {open && workspace.can('crisis.manage') ? (
              <button type="button" className="button button-danger" onClick={() => setClosing(true)}>
                {t('crisis.room.close')}
              </button>
            ) : null}
          </section>
          <div className="crisis-columns">
            <div className="crisis-main">
              <StatementEditor
                statement={crisis.holdingStatement}
                readOnly={readOnly}
                onSave={async (holdingStatement) => {
                  await crisisApi.update(wid, crisis.id, { holdingStatement });
                  await reload();
                }}
              />
              <CrisisLog
                workspaceId={wid}
                log={crisis.log}
                readOnly={readOnly}
                onNote={async (body) => {
                  await crisisApi.note(wid, crisis.id, body);
                  await reload();
                }}
              />
            </div>
            {crisis.alert ? (
              <div className="crisis-evidence">
                <section className="card alert-section" aria-labelledby="crisis-alert">
                  <h2 id="crisis-alert">{t('crisis.room.evidence')}</h2>
                  <p>
                    <TopicName alert={crisis.alert} />{' '}
                    <Link to={alertPath(wid, crisis.alert.id)}>{t('crisis.room.toAlert')}</Link>
                  </p>
                  <AlertCurve alert={crisis.alert} />
                </section>
                <RisingWords alert={crisis.alert} />
                <AlertMentions alert={crisis.alert} limit={TOP_MENTIONS} />
              </div>
            ) : null}
          </div>
          {closing ? (
            <CloseCrisisDialog
              publishingPaused={crisis.publishingPaused}
              onClose={() => setClosing(false)}
              onConfirm={async (input) => {
                await crisisApi.close(wid, crisis.id, input);
                setClosing(false);
                setMessage(t('crisis.close.done'));
                await reload();
              }}
            />
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
