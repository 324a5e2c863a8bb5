import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.js';
import type { AgencyRow } from './api.js';
import { analyticsPath } from './AnalyticsTabs.js';
import { formatValue, unitOf } from './figures.js';

/** The figures the agency view sets side by side, in their order. */
export const AGENCY_COLUMNS = [
  'posts',
  'engagement',
  'engagementRateFollowers',
  'followers',
  'followerGrowth',
  'inboxVolume',
  'responseRate',
  'objectivesBehind',
] as const;

/**
 * The agency view on a phone: one card per workspace with each figure named beside it, since nine columns cannot
 * be read side by side at 390 px. The table shows instead on a wider screen (analytics.css).
 */
export function AgencyCards({ rows }: { rows: AgencyRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="agency-cards" aria-label={t('analytics.agency.title')}>
      {rows.map((row) => (
        <li key={row.workspaceId} className="agency-card">
          <h3>
            <Link to={analyticsPath(row.workspaceId)}>
              <UserText>{row.name}</UserText>
            </Link>
          </h3>
          <dl>
            {AGENCY_COLUMNS.map((c) => (
              <div key={c}>
                <dt>{t(`analytics.figures.${c}`)}</dt>
                <dd className={c === 'objectivesBehind' && row[c] ? 'num agency-behind' : 'num'}>{formatValue(row[c], unitOf(c), i18n.language)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
