import { useTranslation } from 'react-i18next';
import { countFor, networkName } from '../../lib/counters.js';

/** Live counters, one per network: how much of the network's limit the text uses; red and said when over. */
export function Counters({ id, text, networks }: { id?: string; text: string; networks: string[] }) {
  const { t } = useTranslation();
  if (networks.length === 0) return null;
  return (
    <ul className="counters" id={id}>
      {networks.map((network) => {
        const { used, max, over } = countFor(network, text);
        return (
          <li key={network} className={over ? 'counter counter-over' : 'counter'}>
            {t('composer.counter', { network: networkName(network), used, max })}
            {over ? <span className="counter-warning"> {t('composer.overBy', { count: used - max })}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
