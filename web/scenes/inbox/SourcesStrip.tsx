import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { UserText } from '../../components/UserText.js';
import { formatPercent } from '../../lib/format.js';
import { networkName } from '../../lib/counters.js';
import type { SourceView } from './api.js';
import { age } from './age.js';
import { useWhen } from '../../app/useWhen.js';
import { inert, toIso } from './text.js';

/** Per connected account: how far the first week's collection went, how items arrive, and what went wrong. */
export function SourcesStrip({ accounts, sources }: { accounts: SocialAccountView[]; sources: SourceView[] }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  if (accounts.length === 0) return null;
  return (
    <section className="inbox-sources" aria-label={t('inbox.sources.title')}>
      <ul>
        {accounts.map((account) => {
          const own = sources.filter((s) => s.accountId === account.id);
          const dmsMissing = own.length > 0 && own.every((s) => s.dmsCollected === false);
          return (
            <li key={account.id} className="inbox-source">
              <span className="inbox-source-name">
                <NetworkIcon network={account.network} />
                <span className="visually-hidden">{networkName(account.network)} </span>
                <UserText>{`@${inert(account.handle, 120)}`}</UserText>
              </span>
              {own.length === 0 ? <span className="muted">{t('inbox.sources.notStarted')}</span> : null}
              {own.map((s) => {
                const label = t(`inbox.sources.kind.${s.source}`, { defaultValue: s.source });
                const polled = toIso(s.lastPolledAt);
                return (
                  <span key={s.source} className="inbox-source-part">
                    {!s.backfillDone ? (
                      <span className="inbox-backfill">
                        <progress
                          max={1}
                          value={s.backfillProgress}
                          aria-label={t('inbox.sources.backfillOf', { source: label, handle: account.handle })}
                          aria-valuetext={formatPercent(s.backfillProgress, i18n.language)}
                        />
                        <span>{t('inbox.sources.backfill', { source: label, percent: formatPercent(s.backfillProgress, i18n.language) })}</span>
                      </span>
                    ) : (
                      <span>
                        {s.live
                          ? t('inbox.sources.live', { source: label })
                          : t('inbox.sources.polled', { source: label, when: polled ? age(polled, i18n.language, clock.zone) : t('inbox.sources.never') })}
                      </span>
                    )}
                    {s.setAside > 0 ? <span className="inbox-source-error">{t('inbox.sources.setAside', { count: s.setAside })}</span> : null}
                    {s.lastError ? (
                      <span className="inbox-source-error">
                        {t('inbox.sources.error')} <UserText>{inert(s.lastError, 300)}</UserText>
                      </span>
                    ) : null}
                  </span>
                );
              })}
              {dmsMissing ? <span className="muted inbox-source-note">{t('inbox.sources.noDms', { network: networkName(account.network) })}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
