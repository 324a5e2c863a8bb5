import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ticketsApi, type DepartmentView, type TicketView } from '../../api/tickets.js';
import { useSignedIn } from '../../app/session.js';
import { ErrorAlert } from '../../components/Alert.js';
import { DateWords } from '../../components/DateWords.js';
import { DateTimeField } from '../../components/DateField.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { can, isRole } from '../../../src/shared/permissions.js';
import { ticketError } from './names.js';
import { useWhen } from '../../app/useWhen.js';
import { fromLocalInput } from '../../lib/zoned.js';
import { DepartmentField, defaultDepartment, departmentChoice } from './DepartmentField.js';
import './tickets.css';

/**
 * Turns an inbox item into a ticket: the department (e-mailed at once), an owner, a due date, a note for the
 * department. Place it on an item and unmount it on `onClose`:
 *
 *   {ticketFor && <TicketDialog workspaceId={wid} itemId={ticketFor} onOpened={(t) => { setTicketFor(null); reload(); }} onClose={() => setTicketFor(null)} />}
 */
export interface TicketDialogProps {
  workspaceId: string;
  itemId: string;
  /** The ticket once it is opened, or the one this item already had for the chosen department. */
  onOpened: (ticket: TicketView, alreadyOpen: boolean) => void;
  /** Cancel, Escape, or after `onOpened`: the caller unmounts the dialog. */
  onClose: () => void;
}

export function TicketDialog({ workspaceId, itemId, onOpened, onClose }: TicketDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const clock = useWhen();
  const me = useSignedIn().user;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const [departments, setDepartments] = useState<DepartmentView[] | null>(null);
  const [members, setMembers] = useState<Array<{ userId: string; name: string }>>([]);
  const [department, setDepartment] = useState('');
  const [owner, setOwner] = useState(me.id);
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    opener.current = document.activeElement;
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);

  useEffect(() => {
    let live = true;
    Promise.all([ticketsApi.departments(workspaceId), api.members.list(workspaceId)])
      .then(([d, m]) => {
        if (!live) return;
        setDepartments(d.items);
        setDepartment((current) => current || defaultDepartment(d.items));
        // Owners are the members who may work on tickets.
        setMembers(m.items.filter((x) => isRole(x.role) && can(x.role, 'inbox.reply')).map((x) => ({ userId: x.userId, name: x.name })));
      })
      .catch((e: unknown) => live && setError(ticketError(t, e)));
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
      const before = await ticketsApi.list(workspaceId, { itemId });
      const detail = await ticketsApi.open(workspaceId, itemId, {
        department: chosen.id,
        ownerId: owner || null,
        ...(due && fromLocalInput(due, clock.zone) ? { dueAt: fromLocalInput(due, clock.zone)! } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onOpened(detail.ticket, before.items.some((x) => x.id === detail.ticket.id));
    } catch (e) {
      setError(ticketError(t, e));
      setBusy(false);
    }
  };

  const ordered = [...members].sort((a, b) => (a.userId === me.id ? -1 : b.userId === me.id ? 1 : a.name.localeCompare(b.name)));
  return (
    <dialog
      ref={dialog}
      className="dialog ticket-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('tickets.dialog.title')}</h2>
      <form className="form" onSubmit={submit}>
        <DepartmentField
          id={id}
          label={t('tickets.dialog.department')}
          departments={departments}
          value={department}
          onChange={setDepartment}
          noEmail={(name) => t('tickets.dialog.noEmail', { department: name })}
          warningClassName="ticket-warning"
        />
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('tickets.dialog.owner')}</label>
          <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">{t('tickets.noOwner')}</option>
            {ordered.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.userId === me.id ? t('tickets.dialog.me', { name: showDirectionControls(m.name) }) : showDirectionControls(m.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('tickets.dialog.due')}</label>
          <DateTimeField id={`${id}-due`} label={t('tickets.dialog.due')} value={due} onChange={setDue} describedBy={`${id}-due-hint`} />
          <p className="hint" id={`${id}-due-hint`}>
            {t('tickets.dialog.dueHint')} {t('tickets.dialog.dueZone', { zone: clock.zone })} <DateWords value={due} />
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('tickets.dialog.note')}</label>
          <textarea id={`${id}-note`} value={note} maxLength={5000} rows={3} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-note-hint`} />
          <p className="hint" id={`${id}-note-hint`}>
            {t('tickets.dialog.noteHint')}
          </p>
        </div>
        <ErrorAlert>{error}</ErrorAlert>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !chosen || withoutEmail}>
            {t('tickets.dialog.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
