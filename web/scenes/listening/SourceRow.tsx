import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { UserText } from '../../components/UserText.js';
import { useWhen } from '../../app/useWhen.js';
import type { Source } from './api.js';
import { formatCount, sourceErrorText } from './names.js';

const HEALTHS = ['pending', 'ok', 'backoff', 'error', 'live'];
const NETWORK_OF: Record<string, string> = { feed: 'feed', bluesky_jetstream: 'bluesky', bluesky_relay: 'bluesky', mastodon_tag: 'mastodon', mastodon_public: 'mastodon' };

interface SourceRowProps {
  source: Source;
  canManage: boolean;
  onPause: (paused: boolean) => void;
  onRead: () => void;
  onDelete: () => void;
}

/** One source: what it reads, whether it is well, what it brought, and its controls. */
export function SourceRow({ source, canManage, onPause, onRead, onDelete }: SourceRowProps) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const locale = i18n.language;
  const health = HEALTHS.includes(source.health) ? source.health : 'pending';
  const paused = source.status === 'paused';
  const setAside = source.status === 'set_aside';
  const label = source.title || (source.tag ? `#${source.tag}` : source.url);
  const failure = source.lastError ? sourceErrorText(t, source.lastError) : null;
  return (
    <li className="card source-card">
      <div className="source-head">
        <NetworkIcon network={NETWORK_OF[source.kind] ?? 'feed'} />
        <h3 className="source-title">
          <UserText>{label.slice(0, 200)}</UserText>
        </h3>
        <span className="tag tag-quiet">{t(`listening.sources.kinds.${source.kind}`, { defaultValue: source.kind })}</span>
        <span className={`tag health health-${paused ? 'paused' : setAside ? 'error' : health}`}>
          {paused ? t('listening.sources.paused') : setAside ? t('listening.sources.setAside') : t(`listening.sources.health.${health}`)}
        </span>
      </div>
      <p className="source-url muted">
        <UserText>{source.tag ? `${source.url} · #${source.tag}` : source.url}</UserText>
      </p>
      {failure ? (
        <p className="source-error">
          {t('listening.sources.lastError', { count: source.failures, n: formatCount(source.failures, locale) })}{' '}
          {failure.known ? failure.text : <UserText>{failure.text}</UserText>}
        </p>
      ) : null}
      <dl className="source-facts">
        <div>
          <dt>{t('listening.sources.mentions')}</dt>
          <dd>{formatCount(source.mentionCount, locale)}</dd>
        </div>
        <div>
          <dt>{t('listening.sources.lastRead')}</dt>
          <dd>{source.lastPolledAt ? <time dateTime={source.lastPolledAt}>{clock.dateTime(source.lastPolledAt)}</time> : t('listening.sources.never')}</dd>
        </div>
        {source.nextPollAt && !paused ? (
          <div>
            <dt>{t('listening.sources.nextRead')}</dt>
            <dd>
              <time dateTime={source.nextPollAt}>{clock.dateTime(source.nextPollAt)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      {canManage ? (
        <div className="cell-actions">
          {paused || setAside ? (
            <button type="button" className="button button-small" onClick={() => onPause(false)} aria-label={t('listening.sources.resumeNamed', { name: label })}>
              {t('listening.sources.resume')}
            </button>
          ) : (
            <button type="button" className="button button-small" onClick={() => onPause(true)} aria-label={t('listening.sources.pauseNamed', { name: label })}>
              {t('listening.sources.pause')}
            </button>
          )}
          {source.kind === 'feed' || source.kind === 'mastodon_tag' ? (
            <button type="button" className="button button-small" onClick={onRead} disabled={paused} aria-label={t('listening.sources.readNamed', { name: label })}>
              {t('listening.sources.read')}
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={onDelete} aria-label={t('listening.sources.deleteNamed', { name: label })}>
            {t('listening.sources.delete')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
