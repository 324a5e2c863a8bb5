import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page.js';

export function AlertPage() {
  const { t } = useTranslation();
  return <Page title={t('crisis.alert.title')} />;
}
