import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ticketsApi, type DepartmentView } from '../../api/tickets.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { DepartmentName, departmentText, ticketError } from './names.js';
import { useMailAvailable } from '../notifications/useMailAvailable.js';
import './tickets.css';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The departments tickets go to: their e-mail address and response time; the workspace may add its own. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const editable = workspace.can('moderation.rules');
  const [list, reload] = useLoad(() => ticketsApi.departments(wid), [wid]);
  const [status, setStatus] = useState('');
  const mail = useMailAvailable();
  const done = async (message: string) => {
    setStatus(message);
    await reload();
  };
  return (
    <Page title={t('tickets.departments.title')} lead={t('tickets.departments.lead')}>
      <p>
        <Link to={`/w/${encodeURIComponent(wid)}/tickets`}>{t('tickets.title')}</Link>
      </p>
      {editable ? null : <p className="muted">{t('tickets.departments.readOnly')}</p>}
      {mail ? null : <p className="card tickets-no-mail">{t('tickets.departments.noMail')}</p>}
      <StatusMessage>{status}</StatusMessage>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'failed' ? <ErrorAlert>{ticketError(t, list.error)}</ErrorAlert> : null}
      {list.status === 'ready' ? (
        <ul className="department-list">
          {list.data.items.map((d) => (
            <li key={d.id} className="card department-card">
              <DepartmentForm department={d} editable={editable} onDone={done} />
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <section className="card" aria-labelledby="department-add">
          <h2 id="department-add" className="section-title">
            {t('tickets.departments.addTitle')}
          </h2>
          <DepartmentForm editable onDone={done} />
        </section>
      ) : null}
    </Page>
  );
}

function DepartmentForm({ department, editable, onDone }: { department?: DepartmentView; editable: boolean; onDone: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const { workspaceId } = useWorkspace();
  const id = useId();
  const [name, setName] = useState(department?.name ?? '');
  const [email, setEmail] = useState(department?.email ?? '');
  const [hours, setHours] = useState(String(department?.responseHours ?? 48));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const builtIn = Boolean(department?.key);
  const label = department ? departmentText(t, department) : name;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Said in the app's language, in the form, rather than by the browser in its own.
    const problem =
      !builtIn && !name.trim()
        ? t('tickets.departments.needName')
        : email.trim() && !EMAIL.test(email.trim())
          ? t('tickets.departments.badEmail', { email: email.trim() })
          : !/^\d+$/.test(hours.trim()) || Number(hours) < 1 || Number(hours) > 2160
            ? t('tickets.departments.badHours')
            : null;
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const fields = { email: email.trim(), responseHours: Number(hours) };
      if (department) {
        const saved = await ticketsApi.updateDepartment(workspaceId, department.id, builtIn ? fields : { ...fields, name: name.trim() });
        await onDone(t('tickets.departments.saved', { name: departmentText(t, saved) }));
      } else {
        const added = await ticketsApi.addDepartment(workspaceId, { ...fields, name: name.trim() });
        setName('');
        setEmail('');
        setHours('48');
        await onDone(t('tickets.departments.added', { name: departmentText(t, added) }));
      }
    } catch (err) {
      setError(ticketError(t, err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!department) return;
    setError(null);
    try {
      await ticketsApi.deleteDepartment(workspaceId, department.id);
      await onDone(t('tickets.departments.deleted', { name: label }));
    } catch (err) {
      setError(ticketError(t, err));
    }
  };

  return (
    <form className="form department-form" noValidate onSubmit={submit} aria-label={department ? t('tickets.departments.editOf', { name: label }) : t('tickets.departments.addTitle')}>
      {department ? (
        <h2 className="department-name">
          <DepartmentName department={department} t={t} />
        </h2>
      ) : null}
      {department && !department.email ? <p className="hint ticket-warning">{t('tickets.departments.noEmail')}</p> : null}
      {department ? <p className="muted">{t('tickets.departments.ticketCount', { count: department.tickets })}</p> : null}
      <div className="department-fields">
        {builtIn ? null : (
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('tickets.departments.name')}</label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} disabled={!editable} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('tickets.departments.email')}</label>
          <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} disabled={!editable} aria-describedby={`${id}-email-hint`} />
          <p className="hint" id={`${id}-email-hint`}>
            {t('tickets.departments.emailHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-hours`}>{t('tickets.departments.hours')}</label>
          <input id={`${id}-hours`} type="number" min={1} max={2160} value={hours} onChange={(e) => setHours(e.target.value)} required disabled={!editable} aria-describedby={`${id}-hours-hint`} />
          <p className="hint" id={`${id}-hours-hint`}>
            {t('tickets.departments.hoursHint')}
          </p>
        </div>
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {editable ? (
        <div className="department-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {department ? t('tickets.departments.save') : t('tickets.departments.add')}
          </button>
          {department && !builtIn ? (
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              {t('tickets.departments.delete', { name: label })}
            </button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
