import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../src/shared/api.js';
import { useWhen } from '../../app/useWhen.js';
import { UserText } from '../../components/UserText.js';
import { auditSentence, type SentencePart } from './sentence.js';

function Value({ part }: { part: Extract<SentencePart, { kind: 'value' }> }) {
  const shown = part.user ? <UserText>{part.text}</UserText> : part.text;
  const body = part.name === 'actor' ? <strong>{shown}</strong> : shown;
  return part.href ? <Link to={part.href}>{body}</Link> : <>{body}</>;
}

export function AuditRow({ event, workspaceId }: { event: AuditEventView; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const parts = auditSentence(t, i18n.language, event, workspaceId);
  return (
    <tr>
      <td className="log-when">
        <time dateTime={event.createdAt}>{clock.dateTime(event.createdAt)}</time>
      </td>
      <td>
        <p className="audit-sentence">
          {parts.map((part, i) => (part.kind === 'text' ? part.text : <Value key={i} part={part} />))}
        </p>
        {event.ip ? <p className="audit-ip">{t('audit.fromIp', { ip: event.ip })}</p> : null}
      </td>
    </tr>
  );
}
