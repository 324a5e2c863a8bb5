import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ticketsApi, type TicketListQuery, type TicketView } from '../../api/tickets.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { HowToOpen } from './HowToOpen.js';
import { DepartmentName, StatusTag, ticketError } from './names.js';
import { useWhen } from '../../app/useWhen.js';
import './tickets.css';

type Filter = 'open' | 'overdue' | 'mine' | 'closed';
const FILTERS: Filter[] = ['open', 'overdue', 'mine', 'closed'];
const QUERIES: Record<Filter, TicketListQuery> = {
  open: { status: 'active' },
  overdue: { overdue: true },
  mine: { status: 'active', owner: 'me' },
  closed: { status: 'closed' },
};

/** Every ticket of the workspace, soonest due first, with the overdue ones flagged. */
export function TicketsPage() {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [filter, setFilter] = useState<Filter>('open');
  const [more, setMore] = useState<{ items: TicketView[]; cursor: string | null } | null>(null);
  const [list] = useLoad(async () => {
    setMore(null);
    return ticketsApi.list(wid, QUERIES[filter]);
  }, [wid, filter]);
  const base = `/w/${encodeURIComponent(wid)}`;

  const items = list.status === 'ready' ? [...list.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : list.status === 'ready' ? list.data.nextCursor : null;
  const loadMore = async () => {
    if (!cursor) return;
    const page = await ticketsApi.list(wid, { ...QUERIES[filter], cursor });
    setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.nextCursor }));
  };

  return (
    <Page title={t('tickets.title')} lead={t('tickets.lead')}>
      <div className="tickets-area">
        <div className="tickets-toolbar">
          <div className="tabs" role="group" aria-label={t('tickets.filters.label')}>
            {FILTERS.map((f) => (
              <button key={f} type="button" className="tab" aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {t(`tickets.filters.${f}`)}
              </button>
            ))}
          </div>
          <Link to={`${base}/settings/departments`}>{t('tickets.departmentsLink')}</Link>
        </div>
        <section className="card">
          {list.status === 'loading' ? <Loading /> : null}
          {list.status === 'failed' ? <ErrorAlert>{ticketError(t, list.error)}</ErrorAlert> : null}
          {list.status === 'ready' && items.length === 0 ? (
            <>
              <p className="muted">{t(`tickets.emptyFor.${filter}`)}</p>
              {filter === 'open' ? <HowToOpen /> : null}
            </>
          ) : null}
          {items.length > 0 ? (
            <ul className="ticket-list">
              {items.map((ticket) => (
                <li key={ticket.id} className={`ticket-row${ticket.overdue ? ' is-overdue' : ''}`}>
                  <div className="ticket-main">
                    <Link to={`${base}/tickets/${encodeURIComponent(ticket.id)}`} className="ticket-link">
                      <UserText className="ticket-excerpt">{ticket.item.text.slice(0, 280)}</UserText>
                    </Link>
                    <UserText className="muted ticket-author">{`@${ticket.item.author.handle}`}</UserText>
                  </div>
                  <dl className="ticket-facts">
                    <div>
                      <dt>{t('tickets.columns.department')}</dt>
                      <dd>
                        <DepartmentName department={ticket.department} t={t} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('tickets.columns.owner')}</dt>
                      <dd>{ticket.owner ? <UserText>{ticket.owner.name}</UserText> : t('tickets.noOwner')}</dd>
                    </div>
                    <div>
                      <dt>{t('tickets.columns.due')}</dt>
                      <dd>
                        <time dateTime={ticket.dueAt}>{clock.dateTime(ticket.dueAt)}</time>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('tickets.columns.status')}</dt>
                      <dd>
                        <StatusTag ticket={ticket} t={t} />
                      </dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          ) : null}
          {cursor ? (
            <button type="button" className="button" onClick={() => void loadMore()}>
              {t('tickets.more')}
            </button>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
