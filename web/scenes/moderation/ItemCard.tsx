import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModeratedItem, Reason } from '../../api/moderation.js';
import { UserText } from '../../components/UserText.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { networkName } from '../../lib/networks.js';
import { formatPercent } from '../../lib/format.js';
import { useWhen } from '../../app/useWhen.js';
import { excerpt, highlight, inert, toIso } from './text.js';
import { ruleSaid } from '../inbox/reasons.js';

/** The reasons that pushed a score up, strongest first. */
export function weighedReasons(reasons: readonly Reason[] | undefined): Reason[] {
  const seen = new Set<string>();
  return [...(reasons ?? [])]
    .filter((r) => r.weight > 0 && r.text)
    .sort((a, b) => b.weight - a.weight)
    .filter((r) => {
      const key = `${r.category}\u0000${r.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Network text, inert, with the words the analysis weighed marked. */
export function MarkedText({ text, reasons, short }: { text: string; reasons?: readonly Reason[]; short?: boolean }) {
  const shown = short ? excerpt(text, 280) : inert(text);
  const runs = highlight(shown, weighedReasons(reasons).map((r) => r.text));
  return (
    <bdi className="mod-text">
      {runs.map((run, i) => (run.marked ? <mark key={i}>{run.text}</mark> : <UserText key={i}>{run.text}</UserText>))}
    </bdi>
  );
}

export function ReasonChips({ reasons }: { reasons: readonly Reason[] | undefined }) {
  const { t } = useTranslation();
  const shown = weighedReasons(reasons).slice(0, 6);
  if (!shown.length) return <p className="hint">{t('moderation.item.noReasons')}</p>;
  return (
    <ul className="mod-reasons" aria-label={t('moderation.item.reasons')}>
      {shown.map((r, i) => (
        <li key={i} className={`mod-reason mod-reason-${r.category}`}>
          <span className="mod-reason-cat">{t(`moderation.categories.${r.category}`, { defaultValue: r.category })}</span>{' '}
          — <span className="mod-reason-rule">{ruleSaid(t, r.rule)}</span>{' '}
          <UserText>{excerpt(r.text, 60)}</UserText>
        </li>
      ))}
    </ul>
  );
}

/** One item as moderators see it: who, where, when, the text with its weighed words, and its scores. */
export function ItemCard({ item, children, headingLevel = 3 }: { item: ModeratedItem; children?: ReactNode; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const name = item.author.displayName || item.author.handle;
  const when = toIso(item.createdAt);
  return (
    <article className="mod-item">
      <header className="mod-item-head">
        <NetworkIcon network={item.network} label={networkName(item.network)} />
        <Heading className="mod-item-author">
          <UserText>{excerpt(name, 80)}</UserText>{' '}
          <span className="muted mod-handle">
            <UserText>{`@${excerpt(item.author.handle, 80)}`}</UserText>
          </span>
        </Heading>
        <span className="tag">{t(`moderation.kinds.${item.kind}`, { defaultValue: item.kind })}</span>
        {item.moderation ? <span className="tag mod-tag-state">{t(`moderation.item.state.${item.moderation}`)}</span> : null}
        {when ? <time className="muted mod-when" dateTime={when}>{clock.dateTime(when)}</time> : null}
      </header>
      <p className="mod-item-text">
        <MarkedText text={item.text} reasons={item.reasons} />
      </p>
      <dl className="mod-scores">
        {item.toxicityCategory ? (
          <div>
            <dt>{t(`moderation.categories.${item.toxicityCategory}`)}</dt>
            <dd>{formatPercent(item.toxicity, i18n.language)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('moderation.item.risk')}</dt>
          <dd>{formatPercent(item.risk, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('moderation.item.tone')}</dt>
          <dd>{t(`moderation.sentiments.${item.sentiment}`, { defaultValue: item.sentiment })}</dd>
        </div>
        {item.complaint ? (
          <div>
            <dt>{t('moderation.categories.complaint')}</dt>
            <dd>{t('moderation.item.yes')}</dd>
          </div>
        ) : null}
      </dl>
      <ReasonChips reasons={item.reasons} />
      {item.url && /^https?:\/\//.test(item.url) ? (
        <p className="mod-item-link">
          <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
            {t('moderation.item.open')}
          </a>
        </p>
      ) : null}
      {children}
    </article>
  );
}
