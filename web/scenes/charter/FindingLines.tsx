import { FindingWords } from '../../components/charter/FindingWords.js';
import type { ShownFinding } from '../../components/charter/wording.js';
import '../../components/charter/charter-lint.css';

/** A saved text's findings, worded, each with its severity and the charter's reason: read, not acted on. */
export function FindingLines({ findings }: { findings: readonly ShownFinding[] }) {
  return (
    <ul className="lint-list charter-finding-lines">
      {findings.map((f, i) => (
        <li key={`${f.rule}:${f.start}:${i}`} className={`lint-finding lint-finding-${f.severity}`}>
          <FindingWords finding={f} />
        </li>
      ))}
    </ul>
  );
}
