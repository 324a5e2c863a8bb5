import { useTranslation } from 'react-i18next';
import type { CharterReviewView } from '../../../src/shared/api.js';
import { UserText } from '../../components/UserText.js';
import '../../components/charter/charter-lint.css';

/** Why the charter sends the post to legal review: each term with the charter's reason, for the approver to weigh. */
export function LegalReview({ review }: { review: CharterReviewView }) {
  const { t } = useTranslation();
  return (
    <div className="legal-review">
      <h3>{t('charter.lint.legal.title')}</h3>
      <p>{review.done ? t('charter.lint.legal.done') : t('charter.lint.legal.waiting')}</p>
      <ul>
        {review.reasons.map((r) => (
          <li key={r.term}>
            <strong>
              <UserText>{r.term}</UserText>
            </strong>
            {r.reason ? (
              <>
                {t('charter.lint.legal.because')}
                <UserText>{r.reason}</UserText>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
