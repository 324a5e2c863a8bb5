import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import { networkName } from '../../../lib/networks.js';
import type { WatchFigures as Figures } from '../api.js';
import { formatNumber } from '../figures.js';

/** "3:05": how a video player shows a duration. */
export function viewDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * Why the network's viewing figures are missing: the kind in the reader's language, and, where the network said
 * something, its own words (hostile text: shown as text).
 */
export function WatchMissing({ network, missing, why }: { network: string; missing: string | null; why: Figures['missingWhy'] }) {
  const { t } = useTranslation();
  const name = networkName(network);
  return (
    <p className="watch-missing">
      {t('analytics.watch.notGiven', { network: name })} {t(`analytics.watch.why.${why ?? 'unavailable'}`, { network: name })}
      {missing && why !== 'not_yet' ? (
        <span className="watch-said">
          {' '}
          {t('analytics.watch.said', { network: name })} {t('analytics.watch.quoteOpen')}
          <UserText>{missing.slice(0, 400)}</UserText>
          {t('analytics.watch.quoteClose')}
        </span>
      ) : null}
    </p>
  );
}

/** A video's viewing figures since it went out: minutes watched, average view, shares, followers gained. */
export function WatchFigures({ network, watch }: { network: string; watch: Figures }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const name = networkName(network);
  const entries: [string, string | null][] = [
    ['minutes', watch.minutes === null ? null : formatNumber(watch.minutes, locale)],
    ['averageView', watch.averageViewSeconds === null ? null : viewDuration(watch.averageViewSeconds)],
    ['shares', watch.shares === null ? null : formatNumber(watch.shares, locale)],
    ['followersGained', watch.followersGained === null ? null : formatNumber(watch.followersGained, locale)],
  ];
  const none = entries.every(([, v]) => v === null);
  return (
    <section className="watch-figures" aria-label={t('analytics.watch.title', { network: name })}>
      <h4 className="watch-title">{t('analytics.watch.title', { network: name })}</h4>
      {none ? null : (
        <dl className="post-counts">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`analytics.watch.${key}`)}</dt>
              <dd className={value === null ? 'watch-absent' : undefined}>{value ?? t('analytics.watch.notGivenShort', { network: name })}</dd>
            </div>
          ))}
        </dl>
      )}
      {watch.missingWhy || none ? <WatchMissing network={network} missing={watch.missing} why={watch.missingWhy} /> : null}
    </section>
  );
}
