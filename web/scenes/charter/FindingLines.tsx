import { useTranslation } from 'react-i18next';
import { SeverityIcon } from '../../components/charter/SeverityIcon.js';
import { findingMessage, type ShownFinding } from '../../components/charter/wording.js';
import { UserText } from '../../components/UserText.js';
import '../../components/charter/charter-lint.css';

/** A saved text's findings, worded, each with its severity and the charter's reason: read, not acted on. */
export function FindingLines({ findings }: { findings: readonly ShownFinding[] }) {
  const { t } = useTranslation();
  return (
    <ul className="lint-list charter-finding-lines">
      {findings.map((f, i) => (
        <li key={`${f.rule}:${f.start}:${i}`} className={`lint-finding lint-finding-${f.severity}`}>
          <span className="lint-severity">
            <SeverityIcon severity={f.severity} />
            {t(`charter.lint.severity.${f.severity}`)}
          </span>
          <div className="lint-body">
            <p className="lint-message">{findingMessage(t, f)}</p>
            {f.reason ? (
              <p className="lint-reason">
                {t('charter.lint.reason')} <UserText>{f.reason}</UserText>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
