import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.js';
import { UserText } from '../../components/UserText.js';
import { errorMessage } from '../../lib/errors.js';
import { showDirectionControls } from '../../lib/bidi.js';
import type { TicketView } from '../../api/tickets.js';

type Department = { key: string | null; name: string };

/** A built-in department in the reader's language; the workspace's own by the name it gave, isolated as user text. */
export function DepartmentName({ department, t }: { department: Department; t: TFunction }) {
  if (department.key) return <>{t(`tickets.departments.keys.${department.key}`, { defaultValue: department.name })}</>;
  return <UserText>{department.name}</UserText>;
}

/** The same as a plain string, for option labels and values passed to a translation. */
export function departmentText(t: TFunction, department: Department): string {
  return department.key ? t(`tickets.departments.keys.${department.key}`, { defaultValue: department.name }) : showDirectionControls(department.name);
}

/** Errors of the tickets API in the reader's language, by their stable code; others as everywhere else. */
export function ticketError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const known = t(`tickets.errors.${error.code}`, { defaultValue: '' });
    if (known) return known;
  }
  return errorMessage(t, error);
}

export function StatusTag({ ticket, t }: { ticket: Pick<TicketView, 'status' | 'overdue'>; t: TFunction }) {
  return (
    <span className="ticket-tags">
      <span className={`tag ticket-status-${ticket.status}`}>{t(`tickets.status.${ticket.status}`)}</span>
      {ticket.overdue ? <span className="tag ticket-overdue">{t('tickets.overdue')}</span> : null}
    </span>
  );
}
