import { useTranslation } from 'react-i18next';
import { UserText } from '../UserText.js';
import { SeverityIcon } from './SeverityIcon.js';
import { findingMessage, type ShownFinding } from './wording.js';

/** A finding's severity, wording and the charter's reason: what every list of findings shows before its own actions. */
export function FindingWords({ finding, children }: { finding: ShownFinding; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="lint-severity">
        <SeverityIcon severity={finding.severity} />
        {t(`charter.lint.severity.${finding.severity}`)}
      </span>
      <div className="lint-body">
        <p className="lint-message">{findingMessage(t, finding)}</p>
        {finding.reason ? (
          <p className="lint-reason">
            {t('charter.lint.reason')} <UserText>{finding.reason}</UserText>
          </p>
        ) : null}
        {children}
      </div>
    </>
  );
}
