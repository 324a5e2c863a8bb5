import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.js';
import { formatPercent } from '../../lib/format.js';
import type { InboxItemView, Reason } from './api.js';
import { inert } from './text.js';
import { ruleSaid } from './reasons.js';

/** Sentiment, toxicity and complaint as small tags; "why?" opens the analysis's reasons. */
export function Badges({ item, withWhy = false }: { item: InboxItemView; withWhy?: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const toxic = item.toxicityCategory ? item.toxicityCategory : null;
  const shown = item.sentiment !== 'neutral' || toxic || item.complaint || item.moderation || item.removedAt || item.editedAt;
  if (!shown && !withWhy) return null;
  return (
    <span className="inbox-badges">
      {item.sentiment === 'negative' || item.sentiment === 'positive' ? (
        <span className={`inbox-badge inbox-badge-${item.sentiment}`}>{t(`inbox.sentiment.${item.sentiment}`)}</span>
      ) : null}
      {toxic ? (
        <span className="inbox-badge inbox-badge-toxic">
          {t('inbox.toxicBadge', { category: t(`inbox.toxicity.${toxic}`, { defaultValue: toxic }), score: formatPercent(item.toxicity, i18n.language) })}
        </span>
      ) : null}
      {item.complaint ? <span className="inbox-badge inbox-badge-complaint">{t('inbox.complaintBadge')}</span> : null}
      {item.moderation ? <span className="inbox-badge inbox-badge-moderation">{t(`inbox.moderationState.${item.moderation}`, { defaultValue: item.moderation })}</span> : null}
      {item.removedAt ? <span className="inbox-badge inbox-badge-moderation">{t('inbox.networkState.removed')}</span> : null}
      {item.editedAt && !item.removedAt ? <span className="inbox-badge">{t('inbox.networkState.edited')}</span> : null}
      {withWhy && item.reasons.length > 0 ? (
        <>
          <button type="button" className="inbox-why" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            {t('inbox.why')}
          </button>
          {open ? <Reasons id={id} reasons={item.reasons} /> : null}
        </>
      ) : null}
    </span>
  );
}

function Reasons({ id, reasons }: { id: string; reasons: Reason[] }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="inbox-reasons">
      <p className="inbox-reasons-title">{t('inbox.reasonsTitle')}</p>
      <ul>
        {reasons.slice(0, 12).map((r, i) => (
          <li key={i}>
            <span className="inbox-reason-category">{t(`inbox.reasonCategory.${r.category}`, { defaultValue: r.category })}</span>{' '}
            — <span className="inbox-reason-rule">{ruleSaid(t, r.rule)}</span>{' '}
            {/* Counter-speech is said about the whole text, not about words in it. */}
            {r.rule === 'counter-speech' ? null : (
              <>
                <span className="inbox-reason-text">
                  {t('inbox.quoteOpen')}
                  <UserText>{inert(r.text, 200)}</UserText>
                  {t('inbox.quoteClose')}
                </span>{' '}
              </>
            )}
            <span className="muted">
              {r.weight < 0 ? t('inbox.reasonLowers') : t('inbox.reasonRaises')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
