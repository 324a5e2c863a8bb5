import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { UserText } from '../../components/UserText.js';
import { listeningApi, type Topic } from './api.js';
import { ListeningTabs, listeningPath } from './ListeningTabs.js';
import { TopicDialog } from './TopicDialog.js';
import { RadarState } from './RadarState.js';
import { formatCount, listeningError } from './names.js';

/** The workspace's listening topics: what each looks for, how much it caught in a day, and where its radar stands. */
export function TopicsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canManage = workspace.can('listening.manage');
  const [list, reload] = useLoad(() => listeningApi.topics(wid), [wid]);
  // ?new=1 (the dashboard's "Create a first topic") opens the form at once rather than a second button to press.
  const [params, setParams] = useSearchParams();
  const [editing, setEditingState] = useState<Topic | 'new' | null>(() => (canManage && params.get('new') === '1' ? 'new' : null));
  const setEditing = (next: Topic | 'new' | null) => {
    setEditingState(next);
    if (next === null && params.has('new')) setParams({}, { replace: true });
  };
  const [deleting, setDeleting] = useState<Topic | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const topics = list.status === 'ready' ? list.data.items : [];

  const remove = async (topic: Topic) => {
    setDeleting(null);
    setError(null);
    try {
      await listeningApi.deleteTopic(wid, topic.id);
      setStatus(t('listening.topics.deleted', { name: topic.name }));
      await reload();
    } catch (e) {
      setError(listeningError(t, e));
    }
  };

  return (
    <Page title={t('listening.topics.title')} lead={t('listening.topics.lead')}>
      <ListeningTabs />
      <div className="listening-area">
        {canManage ? (
          <div className="listening-toolbar">
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              {t('listening.topics.new')}
            </button>
          </div>
        ) : null}
        <StatusMessage>{status}</StatusMessage>
        <ErrorAlert>{error}</ErrorAlert>
        <LoadStatus loaded={list} reload={reload} />
        {list.status === 'ready' && topics.length === 0 ? <p className="listening-empty">{t('listening.topics.empty')}</p> : null}
        {topics.length > 0 ? (
          <ul className="topic-list">
            {topics.map((topic) => (
              <li key={topic.id} className="card topic-card" style={{ borderLeftColor: topic.color }}>
                <div className="topic-card-head">
                  <h2 className="topic-name">
                    <span className="topic-swatch" style={{ background: topic.color }} aria-hidden="true" />
                    <UserText>{topic.name}</UserText>
                  </h2>
                  <span className="tag">{t(`listening.kinds.${topic.kind}`)}</span>
                  {topic.alertsEnabled ? null : <span className="tag tag-quiet">{t('listening.topics.alertsOff')}</span>}
                </div>
                <p className="topic-query">
                  <code>
                    <UserText>{topic.query}</UserText>
                  </code>
                </p>
                <dl className="topic-facts">
                  <div>
                    <dt>{t('listening.topics.mentions24h')}</dt>
                    <dd>
                      <Link
                        to={`${listeningPath(wid, '/mentions')}?topic=${encodeURIComponent(topic.id)}`}
                        aria-label={t('listening.topics.seeMentions', { count: topic.mentions24h, n: formatCount(topic.mentions24h, i18n.language), name: topic.name })}
                      >
                        {formatCount(topic.mentions24h, i18n.language)}
                      </Link>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('listening.topics.radar')}</dt>
                    <dd>
                      <RadarState radar={topic.radar} alertsEnabled={topic.alertsEnabled} />
                    </dd>
                  </div>
                </dl>
                {canManage ? (
                  <div className="cell-actions">
                    <button type="button" className="button button-small" onClick={() => setEditing(topic)} aria-label={t('listening.topics.editNamed', { name: topic.name })}>
                      {t('listening.topics.edit')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => setDeleting(topic)} aria-label={t('listening.topics.deleteNamed', { name: topic.name })}>
                      {t('listening.topics.delete')}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {editing ? (
        <TopicDialog
          workspaceId={wid}
          topic={editing === 'new' ? null : editing}
          usedColors={topics.map((x) => x.color)}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setStatus(t(editing === 'new' ? 'listening.topics.created' : 'listening.topics.saved', { name: saved.name }));
            void reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('listening.topics.deleteTitle')}
          message={t('listening.topics.deleteMessage', { name: deleting.name })}
          confirmLabel={t('listening.topics.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      ) : null}
    </Page>
  );
}
