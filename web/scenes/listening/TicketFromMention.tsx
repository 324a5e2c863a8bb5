import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi, type DepartmentView } from '../../api/tickets.js';
import { Dialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Alert.js';
import { DepartmentField, defaultDepartment, departmentChoice } from '../tickets/DepartmentField.js';
import { listeningApi } from './api.js';
import { listeningError } from './names.js';

interface TicketFromMentionProps {
  workspaceId: string;
  mentionId: string;
  onOpened: (result: { ticketId: string; inboxItemId: string }) => void;
  onClose: () => void;
}

/** Sends a mention to the department that must answer it: it becomes an inbox item with a ticket. */
export function TicketFromMention({ workspaceId, mentionId, onOpened, onClose }: TicketFromMentionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [departments, setDepartments] = useState<DepartmentView[] | null>(null);
  const [department, setDepartment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    ticketsApi
      .departments(workspaceId)
      .then((d) => {
        if (!live) return;
        setDepartments(d.items);
        setDepartment(defaultDepartment(d.items));
      })
      .catch((e: unknown) => live && setError(listeningError(t, e)));
    return () => {
      live = false;
    };
  }, [workspaceId, t]);

  const { chosen, withoutEmail } = departmentChoice(departments, department);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || withoutEmail) return;
    setBusy(true);
    setError(null);
    try {
      onOpened(await listeningApi.toTicket(workspaceId, mentionId, chosen.id));
    } catch (e) {
      setError(listeningError(t, e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('listening.mentions.ticket.title')} onClose={onClose} className="ticket-dialog">
      <form className="form" onSubmit={submit}>
        <DepartmentField
          id={id}
          label={t('listening.mentions.ticket.department')}
          departments={departments}
          value={department}
          onChange={setDepartment}
          noEmail={(name) => t('listening.mentions.ticket.noEmail', { department: name })}
          warningClassName="listening-warning"
        />
        <ErrorAlert>{error}</ErrorAlert>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !chosen || withoutEmail}>
            {t('listening.mentions.ticket.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
