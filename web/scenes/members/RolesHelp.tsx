import { useTranslation } from 'react-i18next';
import { MATRIX, ROLES } from '../../../src/shared/permissions.js';
import { permissionLabel, roleLabel } from '../../i18n/index.js';

/** What each role may do, read from the shared permission matrix so it can never drift from the server. */
export function RolesHelp() {
  const { t } = useTranslation();
  return (
    <details className="card roles-help">
      <summary>
        <h2 className="summary-title">{t('rolesHelp.title')}</h2>
      </summary>
      <dl className="roles-list">
        {ROLES.map((role) => (
          <div key={role} className="roles-item">
            <dt>{roleLabel(t, role)}</dt>
            <dd>{MATRIX[role].map((p) => permissionLabel(t, p)).join(' · ')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
