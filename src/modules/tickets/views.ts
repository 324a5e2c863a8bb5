/** What the tickets API answers; the web app reads the same types. */

export type TicketStatusName = 'open' | 'answered' | 'closed';

export interface DepartmentView {
  id: string;
  /** 'support', 'product', 'rnd', 'legal', 'marketing' for the built-in ones (the app names them in the reader's language); null for the workspace's own. */
  key: string | null;
  name: string;
  /** Empty until someone gives one: tickets cannot be sent to it before. */
  email: string;
  responseHours: number;
  tickets: number;
}

export interface TicketItemView {
  id: string;
  network: string;
  kind: string;
  text: string;
  url: string | null;
  createdAt: string;
  status: string;
  author: { handle: string; displayName: string | null };
}

export interface TicketView {
  id: string;
  itemId: string;
  department: { id: string; key: string | null; name: string };
  owner: { id: string; name: string } | null;
  status: TicketStatusName;
  dueAt: string;
  /** Still waiting for the department after its due date. */
  overdue: boolean;
  /** Whether the public answer to the item went out on the network; the item stays open in the inbox until it has. */
  publicAnswerSent: boolean;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  item: TicketItemView;
}

export interface TicketMessageView {
  id: string;
  /** 'app' (a member wrote it), 'email' (the department answered by e-mail), 'system' (what happened; `body` is its code). */
  source: 'app' | 'email' | 'system';
  author: { id: string; name: string } | null;
  fromEmail: string | null;
  body: string;
  /** The department's answer, as opposed to an internal note. */
  answer: boolean;
  createdAt: string;
}

export interface TicketDetailView {
  ticket: TicketView;
  messages: TicketMessageView[];
}

/** A ticket as the inbox shows it on its item. */
export interface TicketSummary {
  id: string;
  department: { id: string; key: string | null; name: string };
  status: TicketStatusName;
  dueAt: string;
  overdue: boolean;
  ownerId: string | null;
}

/** The codes of system lines in a ticket's thread. */
export type TicketSystemCode = 'opened' | 'emailed' | 'mail_off' | 'no_reply_address' | 'overdue' | 'closed' | 'reopened' | 'owner_changed';
