import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';

/** Where tickets come from, for someone who has none yet or came to "send to a department" without a message. */
export function HowToOpen() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const base = `/w/${encodeURIComponent(workspace.workspaceId)}`;
  return (
    <div className="tickets-howto">
      <p>{t('tickets.howTo.text')}</p>
      <ul>
        <li>
          <Link to={`${base}/inbox`}>{t('tickets.howTo.inbox')}</Link>
        </li>
        {workspace.can('listening.read') ? (
          <li>
            <Link to={`${base}/listening/mentions`}>{t('tickets.howTo.mentions')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`${base}/settings/departments`}>{t('tickets.howTo.departments')}</Link>
        </li>
      </ul>
    </div>
  );
}
