import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page.js';

export function CrisisPage() {
  const { t } = useTranslation();
  return <Page title={t('crisis.crisis.title')} />;
}
