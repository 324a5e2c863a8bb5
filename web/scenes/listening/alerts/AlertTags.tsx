import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import { inert } from '../../inbox/text.js';
import { listeningPath } from '../ListeningTabs.js';
import type { AlertView } from './api.js';
import { topicColor } from './text.js';

export const alertPath = (wid: string, alertId: string) => listeningPath(wid, `/alerts/${encodeURIComponent(alertId)}`);
export const crisisPath = (wid: string, crisisId: string) => listeningPath(wid, `/crises/${encodeURIComponent(crisisId)}`);

/** The topic as the dashboard draws it: its colour and its name. */
export function TopicName({ alert }: { alert: Pick<AlertView, 'topicName' | 'topicColor'> }) {
  return (
    <span className="alert-topic">
      <span className="alert-swatch" style={{ background: topicColor(alert.topicColor) }} aria-hidden="true" />
      <UserText>{inert(alert.topicName, 80)}</UserText>
    </span>
  );
}

/** What the radar saw; a positive surge is an opportunity, drawn apart from the signs of a crisis. */
export function KindTag({ alert }: { alert: Pick<AlertView, 'kind'> }) {
  const { t } = useTranslation();
  const opportunity = alert.kind === 'positive_surge';
  return (
    <span className={`tag alert-kind ${opportunity ? 'alert-kind-opportunity' : 'alert-kind-threat'}`}>
      {t(`crisis.kinds.${alert.kind}`)}
    </span>
  );
}

export function StatusTag({ status }: { status: AlertView['status'] }) {
  const { t } = useTranslation();
  return <span className={`tag alert-status alert-status-${status}`}>{t(`crisis.status.${status}`)}</span>;
}
