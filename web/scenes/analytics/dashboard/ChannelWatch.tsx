import { useTranslation } from 'react-i18next';
import { useWhen } from '../../../app/useWhen.js';
import { useLoad } from '../../../app/useLoad.js';
import { NetworkIcon } from '../../../components/NetworkIcon.js';
import { UserText } from '../../../components/UserText.js';
import { networkName } from '../../../lib/networks.js';
import { analyticsApi } from '../api.js';
import { formatNumber } from '../figures.js';
import { WatchMissing } from './WatchFigures.js';

/**
 * Each account's minutes watched and followers gained since it began, where its network measures them (YouTube):
 * totals as last read, not the period's. Nothing at all for a workspace without such an account.
 */
export function ChannelWatch({ workspaceId, accountId, network }: { workspaceId: string; accountId?: string; network?: string }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const locale = i18n.language;
  const [loaded] = useLoad(() => analyticsApi.watchFigures(workspaceId, { accountId, network }), [workspaceId, accountId, network]);
  if (loaded.status !== 'ready' || loaded.data.items.length === 0) return null;
  const n = (v: number | null, net: string) => (v === null ? t('analytics.watch.notGivenShort', { network: networkName(net) }) : formatNumber(v, locale));
  return (
    <div className="dashboard-wide">
      <section className="card analytics-section channel-watch">
        <h2>{t('analytics.watch.channelsTitle')}</h2>
        <p className="muted">{t('analytics.watch.channelsLead')}</p>
        <ul className="channel-watch-list">
          {loaded.data.items.map((a) => (
            <li key={a.accountId} className="post-item">
              <div className="post-item-head">
                <NetworkIcon network={a.network} label={networkName(a.network)} />
                <UserText className="post-handle">{`@${a.handle}`}</UserText>
                <span className="muted">{t('analytics.watch.readAt', { at: clock.dateTime(a.takenAt) })}</span>
              </div>
              <dl className="post-counts">
                <div>
                  <dt>{t('analytics.watch.minutes')}</dt>
                  <dd className={a.minutes === null ? 'watch-absent' : undefined}>{n(a.minutes, a.network)}</dd>
                </div>
                <div>
                  <dt>{t('analytics.watch.followersGained')}</dt>
                  <dd className={a.followersGained === null ? 'watch-absent' : undefined}>{n(a.followersGained, a.network)}</dd>
                </div>
              </dl>
              {a.missingWhy ? <WatchMissing network={a.network} missing={a.missing} why={a.missingWhy} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
