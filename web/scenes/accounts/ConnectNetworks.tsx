import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import type { OAuthNetworkView } from './oauth-api.js';

interface ConnectNetworksProps {
  networks: OAuthNetworkView[];
  onChoose: (network: OAuthNetworkView) => void;
}

/**
 * One entry per network connected through a developer app. A network whose app is not configured yet is shown,
 * disabled, with what has to happen first, so that nobody wonders where Facebook went.
 */
export function ConnectNetworks({ networks, onChoose }: ConnectNetworksProps) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="connect-networks">
      <h2 id="connect-networks">{t('connect.title')}</h2>
      <p className="hint">{t('connect.help')}</p>
      <ul className="connect-networks" role="list">
        {networks.map((n) => (
          <li key={n.network}>
            <button
              type="button"
              className="button"
              disabled={!n.ready}
              aria-describedby={n.ready ? undefined : `not-ready-${n.network}`}
              onClick={() => onChoose(n)}
            >
              <NetworkIcon network={n.network} /> {t('connect.connect', { network: n.name })}
            </button>
            {n.ready ? null : (
              <p className="hint" id={`not-ready-${n.network}`}>
                {t('connect.notReady')} <Link to="/admin/networks">{t('connect.notReadyLink')}</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
