import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page.js';

export function AlertsPage() {
  const { t } = useTranslation();
  return <Page title={t('crisis.alerts.title')} />;
}
