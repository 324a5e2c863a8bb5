import { useTranslation } from 'react-i18next';
import { countFor, networkName } from '../../lib/counters.js';

interface CountersProps {
  id?: string;
  text: string;
  networks: string[];
  /** The text as it goes out on a network (links with UTM tags), when that differs from what is typed. */
  prepare?: (network: string, text: string) => string;
}

/** Live counters, one per network: how much of the network's limit the text uses; red and said when over. */
export function Counters({ id, text, networks, prepare }: CountersProps) {
  const { t } = useTranslation();
  if (networks.length === 0) return null;
  return (
    <ul className="counters" id={id}>
      {networks.map((network) => {
        const { used, max, over } = countFor(network, prepare ? prepare(network, text) : text);
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
