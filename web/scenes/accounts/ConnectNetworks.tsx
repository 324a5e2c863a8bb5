import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../app/session.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import type { OAuthNetworkView } from './oauth-api.js';

interface ConnectNetworksProps {
  networks: OAuthNetworkView[];
  onChoose: (network: OAuthNetworkView) => void;
}

/**
 * One entry per network connected through a developer app. A network whose app is not configured yet is shown,
 * disabled, so that nobody wonders where Facebook went; what has to happen first is said once under the list, not
 * under each network, so that a fresh install does not bury Bluesky and Mastodon under six copies of it.
 */
export function ConnectNetworks({ networks, onChoose }: ConnectNetworksProps) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const noteId = 'connect-not-ready';
  const anyNotReady = networks.some((n) => !n.ready);
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
              aria-describedby={n.ready ? undefined : noteId}
              onClick={() => onChoose(n)}
            >
              <NetworkIcon network={n.network} /> {t('connect.connect', { network: n.name })}
            </button>
          </li>
        ))}
      </ul>
      {anyNotReady ? (
        <p className="hint connect-not-ready" id={noteId}>
          {t('connect.notReady')}{' '}
          {session.instanceAdmin ? <Link to="/admin/networks">{t('connect.notReadyLink')}</Link> : t('connect.notReadyAsk')}
        </p>
      ) : null}
    </section>
  );
}
