import { useTranslation } from 'react-i18next';
import { AccountAvatar } from '../../../components/AccountAvatar.js';
import { UserText } from '../../../components/UserText.js';
import { networkName } from '../../../lib/counters.js';
import { inert } from '../../inbox/text.js';
import { useWhen } from '../../../app/useWhen.js';
import type { Mention } from '../api.js';
import type { AlertDetail } from './api.js';
import { safeLink } from './text.js';

const MENTION_TEXT = 600;

/** The words, hashtags and sites that rose in the alert's window against the week before. */
export function RisingWords({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card alert-section" aria-labelledby="alert-rising">
      <h2 id="alert-rising">{t('crisis.evidence.rising')}</h2>
      {alert.rising.length === 0 ? <p className="muted">{t('crisis.evidence.noRising')}</p> : null}
      <ul className="alert-words">
        {alert.rising.slice(0, 20).map((r) => (
          <li key={r.term}>
            <UserText>{inert(r.term, 80)}</UserText>{' '}
            <span className="muted">{t('crisis.evidence.risingCount', { recent: r.recent, baseline: r.baseline })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MentionCard({ mention }: { mention: Mention }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const number = new Intl.NumberFormat(i18n.language);
  const link = safeLink(mention.url);
  const handle = inert(mention.author.handle, 200);
  return (
    <li className="alert-mention">
      <div className="alert-mention-head">
        <AccountAvatar handle={handle} network={mention.network} />
        <p>
          <UserText className="alert-mention-name">{inert(mention.author.displayName || handle, 120)}</UserText>{' '}
          <UserText className="muted">{`@${handle}`}</UserText>
          <br />
          <span className="muted">
            {networkName(mention.network)} · {t('crisis.evidence.reach', { reach: number.format(mention.reach) })}
            {mention.copies > 1 ? ` · ${t('crisis.evidence.copies', { count: mention.copies })}` : ''}
          </span>
        </p>
      </div>
      {mention.title ? <UserText className="alert-mention-title">{inert(mention.title, 200)}</UserText> : null}
      <p className="alert-mention-text">
        <UserText>{inert(mention.text, MENTION_TEXT)}</UserText>
      </p>
      <p className="muted alert-mention-foot">
        <time dateTime={mention.createdAt}>{clock.dateTime(mention.createdAt)}</time>
        {link ? (
          <>
            {' · '}
            <a href={link} target="_blank" rel="noopener noreferrer nofollow">
              {t('crisis.evidence.original')}
            </a>
          </>
        ) : null}
      </p>
    </li>
  );
}

/** The mentions that made the alert, most reach first. */
export function AlertMentions({ alert, limit = 20 }: { alert: AlertDetail; limit?: number }) {
  const { t } = useTranslation();
  return (
    <section className="card alert-section" aria-labelledby="alert-mentions">
        <h2 id="alert-mentions">{t('crisis.evidence.mentions')}</h2>
        {alert.mentions.length === 0 ? <p className="muted">{t('crisis.evidence.noMentions')}</p> : null}
        <ul className="alert-mentions">
          {alert.mentions.slice(0, limit).map((m) => (
            <MentionCard key={m.id} mention={m} />
          ))}
      </ul>
    </section>
  );
}

/** The accounts behind most of the alert's mentions. */
export function AlertAuthors({ alert }: { alert: AlertDetail }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  if (!alert.authors.length) return null;
  return (
        <section className="card alert-section" aria-labelledby="alert-authors">
          <h2 id="alert-authors">{t('crisis.evidence.authors')}</h2>
          <ul className="alert-authors">
            {alert.authors.slice(0, 20).map((a) => (
              <li key={a.id}>
                <AccountAvatar handle={inert(a.handle, 200)} network={a.network} />
                <span>
                  <UserText>{inert(a.displayName || a.handle, 120)}</UserText>
                  <br />
                  <span className="muted">
                    {t('crisis.evidence.authorFacts', {
                      count: a.mentions,
                      followers: a.followers === null ? '—' : number.format(a.followers),
                    })}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
  );
}
