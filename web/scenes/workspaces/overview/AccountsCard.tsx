import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OverviewView } from '../../../../src/shared/api.js';
import { networkName } from '../../../lib/counters.js';
import { UserText } from '../../../components/UserText.js';

interface AccountsCardProps {
  accounts: NonNullable<OverviewView['accounts']>;
  accountsPath: string;
  canReconnect: boolean;
}

/** Accounts that stopped working: their posts wait until someone reconnects them. */
export function AccountsCard({ accounts, accountsPath, canReconnect }: AccountsCardProps) {
  const { t } = useTranslation();
  if (accounts.length === 0) return null;
  return (
    <section className="card overview-card attention attention-danger" aria-labelledby="overview-accounts">
      <h2 id="overview-accounts">
        {t('overview.accounts')} <span className="card-count">{accounts.length}</span>
      </h2>
      <ul className="glance-list glance-stacked">
        {accounts.map((a) => (
          <li key={a.id} className="glance">
            <div className="glance-main">
              <div className="glance-head">
                <strong><UserText>{`@${a.handle}`}</UserText></strong>
                <span className="muted">{networkName(a.network)}</span>
                <span className="tag post-tag post-failed">{t(`accounts.status.${a.status}`, { defaultValue: a.status })}</span>
              </div>
              {a.message ? <p className="glance-error">{t('accounts.networkSaid', { message: a.message })}</p> : null}
            </div>
            {canReconnect ? (
              <div className="glance-actions">
                <Link to={accountsPath} className="button button-small" aria-label={t('accounts.reconnectFor', { handle: a.handle })}>
                  {t('accounts.reconnect')}
                </Link>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
