import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert.js';
import { networkName } from '../../lib/counters.js';

interface ConnectOutcomeProps {
  outcome: string;
  network: string;
  /** The network's own words, if it gave any: shown as text, never as markup. */
  message: string | null;
  scopes: string | null;
}

/** Why a connection through a network's authorisation page did not happen, and what to do about it. */
export function ConnectOutcome({ outcome, network, message, scopes }: ConnectOutcomeProps) {
  const { t } = useTranslation();
  const name = networkName(network);
  if (outcome === 'refused') return <ErrorAlert>{t('connect.refused', { network: name })}</ErrorAlert>;
  if (outcome === 'expired') return <ErrorAlert>{t('connect.expired')}</ErrorAlert>;
  if (outcome === 'missing_scopes') {
    return (
      <ErrorAlert>
        {t('connect.missingScopes', { network: name })}{' '}
        {(scopes ?? '').split(' ').filter(Boolean).map((s, i) => <span key={s}>{i ? ', ' : ''}<code>{s}</code></span>)}.{' '}
        {t('connect.missingScopesWhat')}
      </ErrorAlert>
    );
  }
  return (
    <ErrorAlert>
      {t('connect.failed', { network: name })}
      {message ? <><br />{t('connect.failedSaid', { network: name })} <q>{message}</q></> : null}
    </ErrorAlert>
  );
}
