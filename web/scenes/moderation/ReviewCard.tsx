import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '../../api/moderation.js';
import { ItemCard } from './ItemCard.js';
import { formatPercent } from '../../lib/format.js';
import type { Decision } from './review-queue.js';

interface ReviewCardProps {
  review: ReviewView;
  position: number;
  count: number;
  current: boolean;
  canAct: boolean;
  confirmPhrase: string;
  onFocus: () => void;
  onDecide: (decision: Decision) => void;
}

/** One item waiting for a decision: why it is here, what confirming does, and the two buttons. */
export const ReviewCard = forwardRef<HTMLElement, ReviewCardProps>(function ReviewCard(
  { review, position, count, current, canAct, confirmPhrase, onFocus, onDecide },
  ref,
) {
  const { t, i18n } = useTranslation();
  const network = t(`moderation.networks.${review.item.network}`, { defaultValue: review.item.network });
  const why =
    review.reason === 'not_possible'
      ? t('moderation.review.reasons.not_possible', { network })
      : review.reason === 'rule' && review.rule
        ? t('moderation.review.reasons.rule', { rule: review.rule.name })
        : t('moderation.review.reasons.uncertain');
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`mod-review${current ? ' mod-review-current' : ''}`}
      aria-current={current || undefined}
      aria-label={t('moderation.review.position', { index: position, count })}
      onFocus={onFocus}
    >
      <div className="mod-review-why">
        <span className={`tag mod-why-${review.reason}`}>{why}</span>
        <span className="mod-risk">
          {t('moderation.review.risk', { percent: formatPercent(review.risk, i18n.language) })}
          <span className="mod-risk-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(Math.min(1, Math.max(0, review.risk)) * 100)}%` }} />
          </span>
        </span>
      </div>
      <ItemCard item={review.item} headingLevel={2}>
        <p className="mod-if">{t('moderation.review.ifConfirmed', { action: confirmPhrase })}</p>
        {canAct ? (
          <div className="cell-actions">
            <button type="button" className="button button-danger" aria-keyshortcuts="y" onClick={() => onDecide('confirm')}>
              {t('moderation.review.confirm')} <kbd aria-hidden="true">y</kbd>
            </button>
            <button type="button" className="button" aria-keyshortcuts="n" onClick={() => onDecide('overturn')}>
              {t('moderation.review.overturn')} <kbd aria-hidden="true">n</kbd>
            </button>
          </div>
        ) : null}
      </ItemCard>
    </section>
  );
});
