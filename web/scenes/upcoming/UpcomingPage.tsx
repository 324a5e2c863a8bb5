import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import type { AreaId } from '../../lib/areas.js';

/** An honest page for an area still being built: what it will do, and nothing pretending to work. */
export function UpcomingPage({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`areas.${area}.title`)} badge={<span className="tag tag-soon">{t('upcoming.badge')}</span>}>
      <div className="card upcoming">
        <div className="upcoming-hex" aria-hidden="true" />
        <p>{t('upcoming.lead')}</p>
        <p className="upcoming-text">{t(`areas.${area}.description`)}</p>
      </div>
    </Page>
  );
}
