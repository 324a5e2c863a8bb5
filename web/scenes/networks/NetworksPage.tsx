import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { CopyField } from '../../components/CopyField.js';
import { ErrorAlert } from '../../components/Alert.js';
import { networkAppsApi } from './api.js';
import { NetworkAppCard } from './NetworkAppCard.js';
import { PublicAddressWarning } from './PublicAddressWarning.js';

/** Settings > Networks: the installer's developer apps on the commercial networks, for the whole instance. */
export function NetworksPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const [loaded, reload] = useLoad(() => (session.instanceAdmin ? networkAppsApi.list() : Promise.resolve(null)), [session.instanceAdmin]);

  if (!session.instanceAdmin) {
    return (
      <Page title={t('networks.title')}>
        <ErrorAlert>{t('networks.notAdmin')}</ErrorAlert>
      </Page>
    );
  }
  return (
    <Page title={t('networks.title')} lead={t('networks.lead')}>
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' && loaded.data ? (
        <>
          <PublicAddressWarning address={loaded.data.redirectAddress} />
          {loaded.data.items.map((app) => (
            <NetworkAppCard key={app.network} app={app} onChanged={reload} />
          ))}
          {loaded.data.metaWebhook ? (
            <section className="card" aria-labelledby="meta-webhook">
              <h2 id="meta-webhook">{t('networks.webhook.title')}</h2>
              <p>{t('networks.webhook.lead')}</p>
              <CopyField label={t('networks.webhook.callbackUrl')} value={loaded.data.metaWebhook.callbackUrl} />
              <CopyField label={t('networks.webhook.verifyToken')} value={loaded.data.metaWebhook.verifyToken} />
              <p className="hint">
                {loaded.data.metaWebhook.verifyTokenSource === 'env' ? t('networks.webhook.fromEnv') : t('networks.webhook.generated')}
              </p>
            </section>
          ) : null}
        </>
      ) : null}
      <section className="card" aria-labelledby="networks-gone">
        <h2 id="networks-gone">{t('networks.gone.title')}</h2>
        <ul>
          <li>{t('networks.gone.googlePlus')}</li>
          <li>{t('networks.gone.viadeo')}</li>
        </ul>
      </section>
    </Page>
  );
}
