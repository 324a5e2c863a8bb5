import { useCallback, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { NETWORKS, SENTIMENTS, listeningApi, type MentionQuery } from './api.js';
import { ListeningTabs, listeningPath } from './ListeningTabs.js';
import { MentionFilters } from './MentionFilters.js';
import { MentionCard } from './MentionCard.js';
import { useMentionList } from './useMentionList.js';
import { listeningError } from './names.js';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** The filters live in the address, so that a stream can be shared and the dashboard can link to a topic's. */
function filtersOf(params: URLSearchParams): MentionQuery {
  return {
    topicId: params.get('topic') || undefined,
    sentiment: oneOf(SENTIMENTS, params.get('sentiment')),
    network: oneOf(NETWORKS, params.get('network')),
    language: params.get('language')?.slice(0, 10) || undefined,
    q: params.get('q')?.slice(0, 200) || undefined,
    sort: params.get('sort') === 'reach' ? 'reach' : undefined,
  };
}

function paramsOf(f: MentionQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.topicId) out.topic = f.topicId;
  if (f.sentiment) out.sentiment = f.sentiment;
  if (f.network) out.network = f.network;
  if (f.language) out.language = f.language;
  if (f.q) out.q = f.q;
  if (f.sort === 'reach') out.sort = 'reach';
  return out;
}

/** The stream of mentions, live, with the filters and the actions that turn a mention into work. */
export function MentionsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const [topics] = useLoad(() => listeningApi.topics(wid), [wid]);
  const listTop = useRef<HTMLHeadingElement>(null);
  const atTop = useCallback(() => {
    const top = listTop.current?.getBoundingClientRect().top;
    return top === undefined || top >= 0;
  }, []);
  const list = useMentionList(wid, filters, atTop);
  const topicList = topics.status === 'ready' ? topics.data.items : [];

  const showWaiting = () => {
    list.showWaiting();
    listTop.current?.scrollIntoView({ block: 'start' });
    listTop.current?.focus({ preventScroll: true });
  };

  return (
    <Page title={t('listening.mentions.title')} lead={t('listening.mentions.lead')}>
      <ListeningTabs />
      <div className="listening-area">
        <MentionFilters topics={topicList} filters={filters} onChange={(f) => setParams(paramsOf(f))} />
        <h2 ref={listTop} tabIndex={-1} className="visually-hidden">
          {t('listening.mentions.listHeading')}
        </h2>
        <div role="status" aria-live="polite" className="mention-live">
          {list.waiting > 0 ? (
            <button type="button" className="mention-waiting" onClick={showWaiting}>
              {t('listening.mentions.waiting', { count: list.waiting })}
            </button>
          ) : list.arrived > 0 ? (
            <span className="visually-hidden">{t('listening.mentions.arrived', { count: list.arrived })}</span>
          ) : null}
        </div>
        {list.status === 'loading' ? <Loading /> : null}
        {list.status === 'failed' ? <ErrorAlert>{listeningError(t, list.error)}</ErrorAlert> : null}
        {list.status === 'ready' && list.items.length === 0 ? (
          topicList.length === 0 && topics.status === 'ready' ? (
            <p className="listening-empty">
              {t('listening.mentions.noTopics')}{' '}
              <Link to={`${listeningPath(wid, '/topics')}?new=1`}>{t('listening.dashboard.emptyLink')}</Link>
            </p>
          ) : (
            <p className="listening-empty">{t('listening.mentions.empty')}</p>
          )
        ) : null}
        {list.items.length > 0 ? (
          <ul className="mention-list">
            {list.items.map((m) => (
              <li key={m.id}>
                <MentionCard workspaceId={wid} mention={m} topics={topicList} canReply={workspace.can('inbox.reply')} onChanged={(c) => list.update(m.id, c)} />
              </li>
            ))}
          </ul>
        ) : null}
        {list.nextCursor ? (
          <button type="button" className="button" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
            {t('listening.mentions.more')}
          </button>
        ) : null}
      </div>
    </Page>
  );
}
