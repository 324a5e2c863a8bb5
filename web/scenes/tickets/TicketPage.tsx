import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api/client.js';
import { ticketsApi, type TicketDetailView, type TicketMessageView } from '../../api/tickets.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { can, isRole } from '../../../src/shared/permissions.js';
import { DepartmentName, StatusTag, departmentText, ticketError } from './names.js';
import { useWhen } from '../../app/useWhen.js';
import './tickets.css';

/** One ticket: the message as it was written, the internal thread with the department's answers, owner and status. */
export function TicketPage() {
  const { t } = useTranslation();
  const { ticketId = '' } = useParams();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [loaded, reload] = useLoad(() => ticketsApi.get(wid, ticketId), [wid, ticketId]);
  const [detail, setDetail] = useState<TicketDetailView | null>(null);
  useEffect(() => setDetail(loaded.status === 'ready' ? loaded.data : null), [loaded]);

  const title = detail ? t('tickets.ticket.title', { department: departmentText(t, detail.ticket.department) }) : t('tickets.ticket.details');
  return (
    <Page title={title}>
      <p>
        <Link to={`/w/${encodeURIComponent(wid)}/tickets`}>{t('tickets.ticket.back')}</Link>
      </p>
      {loaded.status === 'loading' ? <Loading /> : null}
      {loaded.status === 'failed' ? <ErrorAlert>{ticketError(t, loaded.error)}</ErrorAlert> : null}
      {detail ? <TicketBody detail={detail} onChange={setDetail} reload={reload} /> : null}
    </Page>
  );
}

function TicketBody({ detail, onChange, reload }: { detail: TicketDetailView; onChange: (d: TicketDetailView) => void; reload: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const mayAct = workspace.can('inbox.reply');
  const { ticket, messages } = detail;
  return (
    <div className="tickets-area ticket-layout">
      <div className="ticket-column">
        <section className="card" aria-labelledby="ticket-item">
          <h2 id="ticket-item" className="section-title">
            {t('tickets.ticket.item')}
          </h2>
          <p className="ticket-author-line">
            {ticket.item.author.displayName ? <UserText className="user-name">{ticket.item.author.displayName}</UserText> : null}{' '}
            <UserText className="muted">{`@${ticket.item.author.handle}`}</UserText>
          </p>
          <p className="ticket-item-text">
            <UserText>{ticket.item.text}</UserText>
          </p>
          <p className="muted">
            <time dateTime={ticket.item.createdAt}>{clock.dateTime(ticket.item.createdAt)}</time>
            {ticket.item.url ? (
              <>
                {' · '}
                <a href={ticket.item.url} target="_blank" rel="noopener noreferrer nofollow">
                  {t('tickets.ticket.openOnNetwork')}
                </a>
              </>
            ) : null}
          </p>
        </section>
        <section className="card" aria-labelledby="ticket-thread">
          <h2 id="ticket-thread" className="section-title">
            {t('tickets.ticket.thread')}
          </h2>
          {clock.named ? <p className="muted">{t('zone.threadZone', { zone: clock.zoneName })}</p> : null}
          <ol className="ticket-thread">
            {messages.map((m) => (
              <ThreadEntry key={m.id} message={m} t={t} when={clock.named ? clock.plainDateTime : clock.dateTime} />
            ))}
          </ol>
          {mayAct ? <MessageForm ticketId={ticket.id} onAdded={reload} /> : null}
        </section>
      </div>
      <aside className="card ticket-side" aria-labelledby="ticket-facts">
        <h2 id="ticket-facts" className="section-title">
          {t('tickets.ticket.details')}
        </h2>
        <dl className="facts">
          <dt>{t('tickets.columns.department')}</dt>
          <dd>
            <DepartmentName department={ticket.department} t={t} />
          </dd>
          <dt>{t('tickets.ticket.status')}</dt>
          <dd>
            <StatusTag ticket={ticket} t={t} />
          </dd>
          <dt>{t('tickets.ticket.due')}</dt>
          <dd>
            <time dateTime={ticket.dueAt}>{clock.dateTime(ticket.dueAt)}</time>
          </dd>
          <dt>{t('tickets.ticket.owner')}</dt>
          <dd>{ticket.owner ? <UserText>{ticket.owner.name}</UserText> : t('tickets.noOwner')}</dd>
        </dl>
        <p className={ticket.publicAnswerSent ? 'tag tag-ready' : 'tag ticket-public-pending'}>
          {ticket.publicAnswerSent ? t('tickets.publicSent') : t('tickets.publicPending')}
        </p>
        <p className="muted">
          {ticket.createdBy ? t('tickets.ticket.createdBy', { name: showDirectionControls(ticket.createdBy.name) }) : t('tickets.ticket.createdByRule')}
        </p>
        {mayAct ? <TicketControls detail={detail} onChange={onChange} /> : null}
        <p>
          <Link to={`/w/${encodeURIComponent(wid)}/inbox?item=${encodeURIComponent(ticket.itemId)}`}>{t('tickets.ticket.openInInbox')}</Link>
        </p>
      </aside>
    </div>
  );
}

function ThreadEntry({ message: m, t, when }: { message: TicketMessageView; t: TFunction; when: (iso: string) => string }) {
  const stamp = <time dateTime={m.createdAt}>{when(m.createdAt)}</time>;
  if (m.source === 'system') {
    const who = m.author ? showDirectionControls(m.author.name) : t('tickets.ticket.ruche');
    return (
      <li className="ticket-system">
        <span>{t(`tickets.system.${m.body}`, { who, email: m.fromEmail ?? '', defaultValue: m.body })}</span> <span className="muted">{stamp}</span>
      </li>
    );
  }
  return (
    <li className={`ticket-message${m.answer ? ' is-answer' : ''}`}>
      <p className="ticket-message-head">
        {m.source === 'email' ? (
          <span>{t('tickets.ticket.byEmail', { email: m.fromEmail ?? '' })}</span>
        ) : (
          <UserText className="user-name">{m.author ? m.author.name || t('tickets.ticket.someone') : t('tickets.ticket.ruche')}</UserText>
        )}{' '}
        {m.answer ? <span className="tag tag-ready">{t('tickets.ticket.answerBadge')}</span> : null} <span className="muted">{stamp}</span>
      </p>
      <p className="ticket-message-body">
        <UserText>{m.body}</UserText>
      </p>
    </li>
  );
}

function MessageForm({ ticketId, onAdded }: { ticketId: string; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const { workspaceId } = useWorkspace();
  const [body, setBody] = useState('');
  const [answer, setAnswer] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // An empty message is told here, in the app's language, rather than by the browser in its own.
    if (!body.trim()) {
      setStatus('');
      setError(t('tickets.ticket.needMessage'));
      bodyField.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await ticketsApi.addMessage(workspaceId, ticketId, { body: body.trim(), answer });
      setBody('');
      setAnswer(false);
      setStatus(t('tickets.ticket.messageAdded'));
      await onAdded();
    } catch (err) {
      setError(ticketError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form ticket-message-form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('tickets.ticket.message')}</label>
        <textarea ref={bodyField} id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={20000} required />
      </div>
      <div className="ticket-answer-choice">
        <label className="ticket-check">
          <input type="checkbox" checked={answer} onChange={(e) => setAnswer(e.target.checked)} aria-describedby={`${id}-answer-hint`} />
          {t('tickets.ticket.asAnswer')}
        </label>
        <p className="hint" id={`${id}-answer-hint`}>
          {t('tickets.ticket.asAnswerHint')}
        </p>
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('tickets.ticket.send')}
      </button>
    </form>
  );
}

function TicketControls({ detail, onChange }: { detail: TicketDetailView; onChange: (d: TicketDetailView) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { workspaceId } = useWorkspace();
  const { ticket } = detail;
  const [members, setMembers] = useState<Array<{ userId: string; name: string }>>([]);
  const [owner, setOwner] = useState(ticket.owner?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    api.members
      .list(workspaceId)
      .then((m) => setMembers(m.items.filter((x) => isRole(x.role) && can(x.role, 'inbox.reply')).map((x) => ({ userId: x.userId, name: x.name }))))
      .catch(() => setMembers([]));
  }, [workspaceId]);

  const change = async (patch: { ownerId?: string | null; status?: 'open' | 'closed' }, done: string) => {
    setError(null);
    try {
      onChange(await ticketsApi.update(workspaceId, ticket.id, patch));
      setStatus(done);
    } catch (err) {
      setError(ticketError(t, err));
    }
  };
  return (
    <div className="ticket-controls">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void change({ ownerId: owner || null }, t('tickets.ticket.ownerSaved'));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('tickets.ticket.owner')}</label>
          <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">{t('tickets.noOwner')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {showDirectionControls(m.name)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('tickets.ticket.saveOwner')}
        </button>
      </form>
      {ticket.status === 'closed' ? (
        <button type="button" className="button" onClick={() => void change({ status: 'open' }, t('tickets.ticket.reopened'))}>
          {t('tickets.ticket.reopen')}
        </button>
      ) : (
        <div>
          <button type="button" className="button button-primary" aria-describedby={`${id}-close-hint`} onClick={() => void change({ status: 'closed' }, t('tickets.ticket.closed'))}>
            {t('tickets.ticket.close')}
          </button>
          <p className="hint" id={`${id}-close-hint`}>
            {t('tickets.ticket.closeHint')}
          </p>
        </div>
      )}
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
