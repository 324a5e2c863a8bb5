import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.text')}>
      <Link to="/">{t('notFound.home')}</Link>
    </Page>
  );
}
