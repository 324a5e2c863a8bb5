import { useTranslation } from 'react-i18next';
import { addressProblem, hostOf } from './public-address.js';

/** Above the redirect URLs: the networks cannot reach a local address, and most refuse plain HTTP. */
export function PublicAddressWarning({ url }: { url: string }) {
  const { t } = useTranslation();
  const problem = addressProblem(url);
  if (!problem) return null;
  return (
    <section className="alert alert-info network-address-warning" aria-labelledby="network-address-warning">
      <h2 id="network-address-warning">{t(`networks.publicUrl.${problem}Title`)}</h2>
      <p>{t(`networks.publicUrl.${problem}`, { host: hostOf(url) })}</p>
    </section>
  );
}
