import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { findLinks, tagLink, utmTags } from '../../../src/shared/utm.js';
import { networkName } from '../../lib/counters.js';

interface OutgoingLinksProps {
  campaign: CampaignView | undefined;
  texts: string[];
  networks: string[];
}

/** Each link of the post as it will go out on each network, when the post's campaign adds UTM tags. */
export function OutgoingLinks({ campaign, texts, networks }: OutgoingLinksProps) {
  const { t } = useTranslation();
  const id = useId();
  if (!campaign?.utm.enabled || networks.length === 0) return null;
  const links = [...new Set(texts.flatMap((text) => findLinks(text).map((l) => l.url)))];
  if (links.length === 0) return null;
  return (
    <section className="outgoing-links" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('composer.links')}</h3>
      <p className="hint">{t('composer.linksHint', { name: campaign.name })}</p>
      <ul>
        {links.map((url) =>
          networks.map((network) => {
            const tags = utmTags(campaign.utm, campaign.name, network)!;
            const out = tagLink(url, tags);
            return (
              <li key={`${network} ${url}`}>
                <span className="outgoing-network">{networkName(network)}</span>{' '}
                {out === url ? <span className="muted">{t('composer.linkKept', { url })}</span> : <code className="outgoing-url">{out}</code>}
              </li>
            );
          }),
        )}
      </ul>
    </section>
  );
}
