import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { UserText } from '../../components/UserText.js';
import { useWhen } from '../../app/useWhen.js';
import { workspacePath } from '../../lib/areas.js';
import { listeningApi, type Mention, type Topic } from './api.js';
import { HighlightedText } from './HighlightedText.js';
import { TicketFromMention } from './TicketFromMention.js';
import { formatCompact, listeningError } from './names.js';
import { safeLink } from './highlight.js';

interface MentionCardProps {
  workspaceId: string;
  mention: Mention;
  topics: Topic[];
  canReply: boolean;
  onChanged: (change: Partial<Mention>) => void;
}

const SENTIMENTS = ['negative', 'neutral', 'positive'];
const NETWORK_NAMES = ['bluesky', 'mastodon', 'feed'];

/** One mention: who said it and where, how it reads, its topics' terms marked, and what can be done with it. */
export function MentionCard({ workspaceId, mention, topics, canReply, onChanged }: MentionCardProps) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const [ticketOpen, setTicketOpen] = useState(false);
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = topics.filter((x) => mention.topicIds.includes(x.id));
  const terms = mine.flatMap((x) => x.terms);
  const link = safeLink(mention.url);
  const sentiment = SENTIMENTS.includes(mention.sentiment) ? mention.sentiment : 'neutral';
  const network = NETWORK_NAMES.includes(mention.network) ? mention.network : 'feed';
  const base = workspacePath(workspaceId);
  const followers = typeof mention.author.followers === 'number' ? mention.author.followers : null;

  const toInbox = async () => {
    setBusy(true);
    setError(null);
    try {
      const { inboxItemId } = await listeningApi.toInbox(workspaceId, mention.id);
      onChanged({ inboxItemId });
    } catch (e) {
      setError(listeningError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="mention-card" aria-labelledby={`mention-${mention.id}-author`}>
      <header className="mention-head">
        <NetworkIcon network={network} />
        <span className="visually-hidden">{t(`listening.networks.${network}`)}</span>
        <p className="mention-author" id={`mention-${mention.id}-author`}>
          {mention.author.displayName ? <UserText className="mention-name">{mention.author.displayName.slice(0, 200)}</UserText> : null}{' '}
          <UserText className="mention-handle muted">{network === 'feed' ? mention.author.handle.slice(0, 200) : `@${mention.author.handle.slice(0, 200)}`}</UserText>
          {followers !== null ? <span className="mention-followers muted"> · {t('listening.mentions.followers', { count: followers, n: formatCompact(followers, i18n.language) })}</span> : null}
        </p>
        <time className="mention-time muted" dateTime={mention.createdAt}>
          {clock.dateTime(mention.createdAt)}
        </time>
      </header>
      <div className="mention-tags">
        <span className={`tag sentiment sentiment-${sentiment}`}>{t(`listening.sentiment.${sentiment}`)}</span>
        {mention.copies > 0 ? <span className="tag tag-quiet">{t('listening.mentions.copies', { count: mention.copies })}</span> : null}
        {mine.map((x) => (
          <span key={x.id} className="tag topic-tag" style={{ borderColor: x.color }}>
            <span className="topic-swatch" style={{ background: x.color }} aria-hidden="true" />
            <UserText>{x.name}</UserText>
          </span>
        ))}
      </div>
      {mention.title ? (
        <h3 className="mention-title">
          <HighlightedText text={mention.title.slice(0, 500)} terms={terms} />
        </h3>
      ) : null}
      <p className="mention-text" lang={mention.language && mention.language !== 'und' ? mention.language.slice(0, 10) : undefined}>
        <HighlightedText text={mention.text} terms={terms} />
      </p>
      <div className="mention-actions">
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer nofollow" className="button button-small">
            {t('listening.mentions.open', { network: t(`listening.networks.${network}`) })}
          </a>
        ) : null}
        {canReply && mention.inboxItemId ? (
          <Link className="button button-small" to={`${base}/inbox?item=${encodeURIComponent(mention.inboxItemId)}`}>
            {t('listening.mentions.inInbox')}
          </Link>
        ) : canReply ? (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void toInbox()} aria-describedby={`mention-${mention.id}-author`}>
            {t('listening.mentions.toInbox')}
          </button>
        ) : null}
        {canReply && ticketId ? (
          <Link className="button button-small" to={`${base}/tickets/${encodeURIComponent(ticketId)}`}>
            {t('listening.mentions.ticketOpened')}
          </Link>
        ) : canReply ? (
          <button type="button" className="button button-small" onClick={() => setTicketOpen(true)} aria-describedby={`mention-${mention.id}-author`}>
            {t('listening.mentions.toTicket')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="listening-warning" role="alert">
          {error}
        </p>
      ) : null}
      {ticketOpen ? (
        <TicketFromMention
          workspaceId={workspaceId}
          mentionId={mention.id}
          onClose={() => setTicketOpen(false)}
          onOpened={(r) => {
            setTicketOpen(false);
            setTicketId(r.ticketId);
            onChanged({ inboxItemId: r.inboxItemId });
          }}
        />
      ) : null}
    </article>
  );
}
