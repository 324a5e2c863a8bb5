import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { UserText } from '../../components/UserText.js';

/** Which colour is which campaign, with the hashtags to use. */
export function CampaignLegend({ campaigns }: { campaigns: CampaignView[] }) {
  const { t } = useTranslation();
  if (campaigns.length === 0) return null;
  return (
    <section className="campaign-legend" aria-labelledby="campaign-legend">
      <h2 id="campaign-legend" className="visually-hidden">
        {t('campaigns.title')}
      </h2>
      <ul>
        {campaigns.map((c) => (
          <li key={c.id}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <strong>
              <UserText>{c.name}</UserText>
            </strong>
            {c.hashtags.length ? <span className="muted"> {c.hashtags.map((h) => `#${h.replace(/^#/, '')}`).join(' ')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
