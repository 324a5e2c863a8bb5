import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useWorkspace } from '../../app/workspace.js';
import type { DepartmentView } from '../../api/tickets.js';
import { departmentText } from './names.js';

/** The department chosen among those loaded, and whether it has no address a ticket could be e-mailed to. */
export function departmentChoice(departments: DepartmentView[] | null, value: string) {
  const chosen = departments?.find((d) => d.id === value) ?? null;
  return { chosen, withoutEmail: chosen !== null && !chosen.email };
}

/** The first department that can be e-mailed, else the first: what a new ticket goes to unless changed. */
export const defaultDepartment = (departments: DepartmentView[]) => (departments.find((d) => d.email) ?? departments[0])?.id ?? '';

interface DepartmentFieldProps {
  /** The form's id prefix (useId): the select is `${id}-department`. */
  id: string;
  label: string;
  departments: DepartmentView[] | null;
  value: string;
  onChange: (department: string) => void;
  /** The warning shown under a department without an e-mail address, given its name. */
  noEmail: (department: string) => string;
  warningClassName: string;
}

/**
 * The department a ticket goes to. A department without an e-mail address is said at once, under the field:
 * a ticket sent there would reach nobody.
 */
export function DepartmentField({ id, label, departments, value, onChange, noEmail, warningClassName }: DepartmentFieldProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { chosen, withoutEmail } = departmentChoice(departments, value);
  return (
    <div className="field">
      <label htmlFor={`${id}-department`}>{label}</label>
      <select
        id={`${id}-department`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={withoutEmail ? `${id}-noemail` : undefined}
        disabled={!departments}
        autoFocus
      >
        {(departments ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {departmentText(t, d)}
          </option>
        ))}
      </select>
      {withoutEmail && chosen ? (
        <p className={`hint ${warningClassName}`} id={`${id}-noemail`}>
          {noEmail(departmentText(t, chosen))}{' '}
          <Link to={`/w/${encodeURIComponent(workspace.workspaceId)}/settings/departments`}>{t('tickets.dialog.giveAddress')}</Link>
        </p>
      ) : null}
    </div>
  );
}
