import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad.js';
import { AccountAvatar } from '../../components/AccountAvatar.js';
import { ErrorAlert } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { errorMessage } from '../../lib/errors.js';
import { useWhen } from '../../app/useWhen.js';
import { networkName } from '../../lib/counters.js';
import { inboxApi, type AuthorView } from './api.js';
import { excerpt, inert, toIso } from './text.js';

interface Props {
  wid: string;
  author: AuthorView;
  currentItemId: string;
  /** Bumped when the item changes, so that what the team did shows at once. */
  version: number;
  onOpen: (itemId: string) => void;
}

/** Who wrote it: their reach, since when we know them, what else they wrote and what the team did about it. */
export function AuthorCard({ wid, author, currentItemId, version, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const [detail] = useLoad(() => inboxApi.author(wid, author.id), [wid, author.id, version]);
  const number = (n: number | null | undefined) => (n === null || n === undefined ? t('inbox.author.unknown') : new Intl.NumberFormat(i18n.language).format(n));
  const shown = detail.status === 'ready' ? detail.data.author : author;
  const past = detail.status === 'ready' ? detail.data.items.filter((i) => i.id !== currentItemId).slice(0, 5) : [];
  const actions = detail.status === 'ready' ? detail.data.actions.slice(0, 5) : [];

  return (
    <section className="inbox-author-card" aria-labelledby={`author-${author.id}`}>
      <div className="inbox-author-top">
        <AccountAvatar handle={shown.handle} network={shown.network} />
        <div className="inbox-author-names">
          <h3 id={`author-${author.id}`}>
            <UserText>{inert(shown.displayName || shown.handle, 200)}</UserText>
          </h3>
          <p className="muted">
            <UserText>{`@${inert(shown.handle, 200)}`}</UserText> · {networkName(shown.network)}
          </p>
        </div>
      </div>
      <p className="inbox-author-tags">
        {shown.advocate ? <span className="inbox-badge inbox-badge-positive">{t('inbox.author.advocate')}</span> : null}
        {shown.blocked ? <span className="inbox-badge inbox-badge-toxic">{t('inbox.author.blocked')}</span> : null}
        {shown.muted ? <span className="inbox-badge">{t('inbox.author.muted')}</span> : null}
        {shown.lists.map((list) => (
          <span key={list} className="inbox-label">
            <UserText>{inert(list, 60)}</UserText>
          </span>
        ))}
      </p>
      <dl className="inbox-author-facts">
        <dt>{t('inbox.author.followers')}</dt>
        <dd>{number(shown.followers)}</dd>
        <dt>{t('inbox.author.firstSeen')}</dt>
        <dd>{clock.date(shown.firstSeenAt)}</dd>
        {shown.accountCreatedAt ? (
          <>
            <dt>{t('inbox.author.since')}</dt>
            <dd>{clock.date(shown.accountCreatedAt)}</dd>
          </>
        ) : null}
        <dt>{t('inbox.author.items')}</dt>
        <dd>{number(shown.itemCount)}</dd>
        <dt>{t('inbox.author.removed')}</dt>
        <dd>{number(shown.removedCount)}</dd>
        {detail.status === 'ready' ? (
          <>
            <dt>{t('inbox.author.replies')}</dt>
            <dd>{number(detail.data.replies)}</dd>
          </>
        ) : null}
      </dl>
      <ErrorAlert>{detail.status === 'failed' ? errorMessage(t, detail.error) : null}</ErrorAlert>
      {past.length > 0 ? (
        <>
          <h4>{t('inbox.author.past')}</h4>
          <ul className="inbox-author-past">
            {past.map((i) => (
              <li key={i.id}>
                <button type="button" className="inbox-link-button" onClick={() => onOpen(i.id)}>
                  <UserText>{excerpt(i.text, 90) || t('inbox.noText')}</UserText>
                </button>
                <span className="muted"> · {t(`inbox.status.${i.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {actions.length > 0 ? (
        <>
          <h4>{t('inbox.author.teamDid')}</h4>
          <ul className="inbox-author-actions">
            {actions.map((a) => (
              <li key={a.id}>
                {t(`inbox.moderation.logged.${a.action}`, { defaultValue: a.action })}
                <span className="muted"> · {clock.date(a.createdAt)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
