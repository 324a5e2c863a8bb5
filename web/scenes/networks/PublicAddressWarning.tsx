import { useTranslation } from 'react-i18next';
import type { NetworkAppsView } from './api.js';

/** Above the redirect URLs: the server's verdict that the networks cannot reach its address, or refuse plain HTTP. */
export function PublicAddressWarning({ address }: { address: NetworkAppsView['redirectAddress'] }) {
  const { t } = useTranslation();
  if (!address.problem) return null;
  return (
    <section className="alert alert-info network-address-warning" aria-labelledby="network-address-warning">
      <h2 id="network-address-warning">{t(`networks.publicUrl.${address.problem}Title`)}</h2>
      <p>{t(`networks.publicUrl.${address.problem}`, { host: address.host })}</p>
    </section>
  );
}
