import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../src/shared/api.js';
import { formatDateTime } from '../../lib/format.js';
import { auditActionLabel, roleLabel } from '../../i18n/index.js';
import { isRole } from '../../../src/shared/permissions.js';

/** Event data is shown as plain text, key by key; roles in it are translated. */
function describe(value: unknown, t: Parameters<typeof roleLabel>[0]): string {
  if (typeof value === 'string') return isRole(value) ? roleLabel(t, value) : value;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function AuditRow({ event }: { event: AuditEventView }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(event.data ?? {});
  return (
    <tr>
      <td>
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, i18n.language)}</time>
      </td>
      <td>{event.actor ? event.actor.name : <span className="muted">{t('audit.system')}</span>}</td>
      <td>
        {auditActionLabel(t, event.action)}
        {auditActionLabel(t, event.action) !== event.action ? <div className="muted code">{event.action}</div> : null}
      </td>
      <td>
        {entries.length > 0 ? (
          <ul className="details-list">
            {entries.map(([key, value]) => (
              <li key={key}>
                {t('audit.keyValue', { key: t(`audit.keys.${key}`, { defaultValue: key }), value: describe(value, t) })}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}
