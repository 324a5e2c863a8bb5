import type { DepartmentView, TicketDetailView, TicketMessageView, TicketStatusName, TicketView } from '../../src/modules/tickets/views.js';
import { request } from './client.js';

export type { DepartmentView, TicketDetailView, TicketMessageView, TicketStatusName, TicketView };

const enc = encodeURIComponent;
const ws = (wid: string) => `/workspaces/${enc(wid)}`;

export interface TicketListQuery {
  status?: TicketStatusName | 'active';
  overdue?: boolean;
  /** 'me' or a member's user id. */
  owner?: string;
  itemId?: string;
  cursor?: string | null;
}

export interface NewTicket {
  /** A department's id, or a built-in key. */
  department: string;
  ownerId?: string | null;
  /** ISO date and time; the department's response time from now when absent. */
  dueAt?: string;
  note?: string;
}

/** The typed client for tickets and departments. */
export const ticketsApi = {
  departments: (wid: string) => request<{ items: DepartmentView[] }>('GET', `${ws(wid)}/departments`),
  addDepartment: (wid: string, d: { name: string; email: string; responseHours: number }) => request<DepartmentView>('POST', `${ws(wid)}/departments`, d),
  updateDepartment: (wid: string, id: string, change: { name?: string; email?: string; responseHours?: number }) =>
    request<DepartmentView>('PATCH', `${ws(wid)}/departments/${enc(id)}`, change),
  deleteDepartment: (wid: string, id: string) => request<void>('DELETE', `${ws(wid)}/departments/${enc(id)}`),

  list: (wid: string, q: TicketListQuery = {}) => {
    const p = new URLSearchParams();
    if (q.status) p.set('status', q.status);
    if (q.overdue) p.set('overdue', '1');
    if (q.owner) p.set('owner', q.owner);
    if (q.itemId) p.set('itemId', q.itemId);
    if (q.cursor) p.set('cursor', q.cursor);
    const s = p.toString();
    return request<{ items: TicketView[]; nextCursor: string | null }>('GET', `${ws(wid)}/tickets${s ? `?${s}` : ''}`);
  },
  get: (wid: string, id: string) => request<TicketDetailView>('GET', `${ws(wid)}/tickets/${enc(id)}`),
  open: (wid: string, itemId: string, t: NewTicket) => request<TicketDetailView>('POST', `${ws(wid)}/inbox/items/${enc(itemId)}/tickets`, t),
  update: (wid: string, id: string, change: { status?: TicketStatusName; ownerId?: string | null; dueAt?: string }) =>
    request<TicketDetailView>('PATCH', `${ws(wid)}/tickets/${enc(id)}`, change),
  addMessage: (wid: string, id: string, m: { body: string; answer: boolean }) => request<TicketMessageView>('POST', `${ws(wid)}/tickets/${enc(id)}/messages`, m),
};
