/**
 * An audit event told as a sentence in the reader's language ("Olga changed Marc's role from Social analyst to
 * Community manager"), from its action and the data its row carries. Plain TypeScript, so that a test can check
 * every action in both languages.
 *
 * Values never go through the translator: the translation is asked with markers in their place and split on them,
 * so a name can hold anything ("{{x}}", "<b>", a direction control) and stays a value, shown apart and isolated.
 */
import type { TFunction } from 'i18next';
import { networkName } from '../../lib/networks.js';
import type { AuditEventView } from '../../../src/shared/api.js';
import type { AuditActionName, AuditTargetType } from '../../../src/shared/audit.js';
import { isRole } from '../../../src/shared/permissions.js';
import { roleLabel } from '../../i18n/index.js';

export type SentencePart =
  | { kind: 'text'; text: string }
  /** `user`: written by people or networks (a name, a handle), as opposed to words of Ruche's own. */
  | { kind: 'value'; name: string; text: string; user: boolean; href?: string };

interface Value {
  text: string;
  user?: boolean;
  href?: string;
}

interface Phrase {
  key: string;
  values?: Record<string, Value>;
  count?: number;
  /** Who did it when nobody signed in did: "Ruche" by default, "Someone" for attempts by strangers. */
  anonymous?: 'ruche' | 'someone';
}

interface Reader {
  t: TFunction;
  language: string;
  data: Record<string, unknown>;
  event: AuditEventView;
  link: (to: LinkTarget) => string;
}

type LinkTarget = 'members' | 'accounts' | 'campaigns' | 'publishingSettings' | 'workspaceSettings' | 'overview' | 'departments'
  | 'moderationRules' | 'moderationLog' | 'moderationPeople' | 'moderationModels' | 'inbox';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const user = (text: string, href?: string): Value => ({ text, user: true, href });
const word = (text: string, href?: string): Value => ({ text, href });

const nameOf = (n: string | null) => (n ? networkName(n) : null);
const handleOf = (h: string) => (h.startsWith('@') ? h : `@${h}`);

function role(r: Reader, value: unknown): Value | null {
  const name = str(value);
  if (!name) return null;
  return word(isRole(name) ? roleLabel(r.t, name) : name);
}

/** "Sent for 2 approvals by Client, then 1 by Administrator or Owner". */
function approvalSteps(r: Reader, value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const or = new Intl.ListFormat(r.language, { type: 'disjunction' });
  const steps = value.flatMap((step: unknown) => {
    if (!step || typeof step !== 'object') return [];
    const { roles, count } = step as { roles?: unknown; count?: unknown };
    const names = Array.isArray(roles) ? roles.filter((x): x is string => typeof x === 'string').map((x) => (isRole(x) ? roleLabel(r.t, x) : x)) : [];
    return [r.t('audit.approvalStep', { count: typeof count === 'number' ? count : 1, roles: or.format(names) })];
  });
  return steps.length ? new Intl.ListFormat(r.language, { type: 'conjunction' }).format(steps) : '';
}

const settingChange = (r: Reader, key: string, label: (v: string) => string): Phrase => {
  const from = str(r.data.from);
  const to = str(r.data.to);
  if (!from || !to) return { key: `${key}Plain` };
  return { key, values: { from: word(label(from)), to: word(label(to)) } };
};

/** What the workspace shows its clients, switched on or off; an older row without its data says what it was about. */
const clientSwitch = (r: Reader, key: string): Phrase => ({
  key: r.data.enabled === true ? `${key}On` : r.data.enabled === false ? `${key}Off` : `${key}Plain`,
  values: { setting: word(r.t(`audit.objects.${key}`), r.link('workspaceSettings')) },
});

type Describe = (r: Reader) => Phrase;

/** "Olga saved the developer app keys of LinkedIn". */
function networkAppPhrase(r: Reader, key: string): Phrase {
  const network = nameOf(str(r.data.network));
  return network ? { key, values: { network: word(network) } } : { key: `${key}Plain` };
}

/**
 * Every action the server records, and how its sentence is made. The type makes a missing one a compile error;
 * one the server has stopped recording may stay, for the rows it wrote.
 */
const PHRASES: Record<AuditActionName, Describe> & Record<string, Describe> = {
  'auth.owner_created': () => ({ key: 'ownerCreated' }),
  'instance.network_app_saved': (r) => networkAppPhrase(r, 'networkAppSaved'),
  'instance.network_app_removed': (r) => networkAppPhrase(r, 'networkAppRemoved'),
  'auth.sign_in': () => ({ key: 'signIn' }),
  'auth.sign_out': () => ({ key: 'signOut' }),
  'auth.password_changed': () => ({ key: 'passwordChanged' }),
  'auth.password_reset_requested': () => ({ key: 'passwordResetRequested' }),
  'auth.password_reset': (r) => {
    const key = r.data.via === 'command_line' ? 'passwordResetCommandLine' : 'passwordReset';
    const sessions = typeof r.data.sessions === 'number' ? r.data.sessions : 0;
    return sessions > 0 ? { key: `${key}Sessions`, count: sessions } : { key };
  },
  'auth.sign_in_failed': (r) => {
    const email = str(r.data.email);
    const via = r.data.via === 'invitation' || r.data.via === 'password_change' ? r.data.via : 'sign_in';
    if (via === 'password_change') return { key: 'signInFailedPasswordChange', anonymous: 'someone' };
    if (!email) return { key: 'signInFailedPlain', anonymous: 'someone' };
    return { key: via === 'invitation' ? 'signInFailedInvitation' : 'signInFailed', values: { email: user(email) }, anonymous: 'someone' };
  },
  'workspace.created': (r) => {
    const name = str(r.data.name);
    return name ? { key: 'workspaceCreated', values: { name: user(name, r.link('overview')) } } : { key: 'workspaceCreatedPlain' };
  },
  'workspace.updated': (r) => ({ key: 'workspaceUpdated', values: { settings: word(r.t('audit.objects.settings'), r.link('workspaceSettings')) } }),
  'workspace.renamed': (r) => {
    const from = str(r.data.from);
    const to = str(r.data.to);
    return from && to ? { key: 'workspaceRenamed', values: { from: user(from), to: user(to, r.link('overview')) } } : { key: 'workspaceRenamedPlain' };
  },
  'workspace.timezone_changed': (r) => settingChange(r, 'timezoneChanged', (zone) => zone.replace(/_/g, ' ')),
  'workspace.locale_changed': (r) => settingChange(r, 'localeChanged', (l) => r.t(`audit.languages.${l}`, { defaultValue: l })),
  'workspace.week_start_changed': (r) => settingChange(r, 'weekStartChanged', (d) => r.t(`workspaceSettings.weekStarts.${d}`, { defaultValue: d })),
  'workspace.clients_see_drafts_changed': (r) => clientSwitch(r, 'clientsSeeDrafts'),
  'workspace.clients_see_internal_comments_changed': (r) => clientSwitch(r, 'clientsSeeInternalComments'),
  'workspace.clients_see_inbox_changed': (r) => clientSwitch(r, 'clientsSeeInbox'),
  'workspace.logo_changed': () => ({ key: 'logoChanged' }),
  'workspace.logo_removed': () => ({ key: 'logoRemoved' }),
  'invitation.created': (r) => {
    const email = str(r.data.email);
    const as = role(r, r.data.role);
    return email && as ? { key: 'invitationCreated', values: { email: user(email, r.link('members')), role: as } } : { key: 'invitationCreatedPlain' };
  },
  'invitation.revoked': (r) => {
    const email = str(r.data.email);
    return email ? { key: 'invitationRevoked', values: { email: user(email, r.link('members')) } } : { key: 'invitationRevokedPlain' };
  },
  'invitation.accepted': (r) => {
    const as = role(r, r.data.role);
    return as ? { key: 'invitationAccepted', values: { role: as } } : { key: 'invitationAcceptedPlain' };
  },
  'member.role_changed': (r): Phrase => {
    const name = str(r.data.name);
    const from = role(r, r.data.from);
    const to = role(r, r.data.to);
    if (!from || !to) return { key: 'roleChangedPlain' };
    return name
      ? { key: 'roleChanged', values: { member: user(name, r.link('members')), from, to } }
      : { key: 'roleChangedUnnamed', values: { from, to } };
  },
  'member.removed': (r): Phrase => {
    const name = str(r.data.name);
    if (r.event.actor && r.event.targetId === r.event.actor.id) return { key: 'memberLeft' };
    const as = role(r, r.data.role);
    if (!name) return { key: 'memberRemovedPlain' };
    return as ? { key: 'memberRemoved', values: { member: user(name, r.link('members')), role: as } } : { key: 'memberRemovedNoRole', values: { member: user(name, r.link('members')) } };
  },
  'publishing.paused': () => ({ key: 'publishingPaused' }),
  'publishing.resumed': (r) => {
    const overdue = typeof r.data.overdue === 'number' ? r.data.overdue : 0;
    return overdue > 0 ? { key: 'publishingResumedOverdue', count: overdue } : { key: 'publishingResumed' };
  },
  'publishing.approval_changed': (r) => {
    const steps = approvalSteps(r, r.data.approvalSteps);
    const settings = r.link('publishingSettings');
    if (steps === null) return { key: 'approvalChangedPlain', values: { steps: word(r.t('audit.objects.approvalSteps'), settings) } };
    return steps === '' ? { key: 'approvalTurnedOff' } : { key: 'approvalChanged', values: { steps: word(steps, settings) } };
  },
  'account.connected': (r) => accountPhrase(r, r.data.reconnected === true ? 'accountReconnected' : 'accountConnected'),
  'account.disconnected': (r) => accountPhrase(r, 'accountDisconnected'),
  'campaign.created': (r) => campaignPhrase(r, 'campaignCreated', true),
  'campaign.updated': (r) => {
    const from = str(r.data.from);
    const name = str(r.data.name);
    if (from && name && from !== name) return { key: 'campaignRenamed', values: { from: user(from), name: user(name, r.link('campaigns')) } };
    return campaignPhrase(r, 'campaignUpdated', true);
  },
  'campaign.deleted': (r) => campaignPhrase(r, 'campaignDeleted', false),
  'ticket.opened': (r) => ticketPhrase(r, 'ticketOpened'),
  'ticket.closed': (r) => ticketPhrase(r, 'ticketClosed'),
  'department.created': (r) => departmentPhrase(r, 'departmentCreated', true),
  'department.updated': (r) => departmentPhrase(r, 'departmentUpdated', true),
  'department.deleted': (r) => departmentPhrase(r, 'departmentDeleted', false),
  'moderation.rule_created': (r) => rulePhrase(r, 'moderationRuleCreated', true),
  'moderation.rule_updated': (r) => {
    const key = r.data.enabled === true ? 'moderationRuleOn' : r.data.enabled === false ? 'moderationRuleOff' : 'moderationRuleUpdated';
    return rulePhrase(r, key, true);
  },
  'moderation.rule_deleted': (r) => rulePhrase(r, 'moderationRuleDeleted', false),
  'moderation.rules_reordered': (r) => ({ key: 'moderationRulesReordered', values: { rules: word(r.t('audit.objects.moderationRules'), r.link('moderationRules')) } }),
  'moderation.item_action': (r) => authorPhrase(r, `moderationAction${capital(str(r.data.action) ?? '')}`, 'moderationActionOther', 'moderationLog'),
  'moderation.undone': (r) => authorPhrase(r, `moderationUndone${capital(str(r.data.action) ?? '')}`, 'moderationUndoneOther', 'moderationLog'),
  'moderation.review_decided': (r) =>
    authorPhrase(r, r.data.decision === 'overturn' ? 'moderationReviewOverturned' : 'moderationReviewConfirmed', 'moderationReviewDecided', 'moderationLog'),
  'moderation.retrain_requested': (r) => {
    const models = word(r.t('audit.objects.moderationModels'), r.link('moderationModels'));
    return typeof r.data.decisions === 'number' ? { key: 'moderationRetrain', count: r.data.decisions, values: { models } } : { key: 'moderationRetrainPlain', values: { models } };
  },
  'inbox.author_advocate_changed': (r) =>
    authorPhrase(r, r.data.advocate === false ? 'authorAdvocateOff' : 'authorAdvocateOn', 'authorAdvocatePlain', 'moderationPeople'),
  'inbox.author_lists_changed': (r) => {
    const lists = Array.isArray(r.data.lists) ? r.data.lists.filter((l): l is string => typeof l === 'string') : null;
    const phrase = authorPhrase(r, lists && lists.length === 0 ? 'authorListsCleared' : 'authorListsChanged', 'authorListsPlain', 'moderationPeople');
    if (!lists || lists.length === 0 || phrase.key === 'authorListsPlain') return phrase;
    return { ...phrase, values: { ...phrase.values, lists: user(new Intl.ListFormat(r.language, { type: 'conjunction' }).format(lists)) } };
  },
  'inbox.item_status_changed': (r) => {
    const to = str(r.data.to);
    const phrase = itemPhrase(r, 'inboxStatusChanged');
    if (!to || !INBOX_STATUSES.has(to) || !phrase.values?.author) return itemPhrase(r, 'inboxStatusChangedPlain', true);
    return { ...phrase, values: { ...phrase.values, status: word(r.t(`audit.inboxStatuses.${to}`)) } };
  },
  'inbox.item_assigned': (r) => {
    const name = str(r.data.assignee);
    if (!('assignee' in r.data) || (r.data.assignee !== null && !name)) return itemPhrase(r, 'inboxAssignedPlain', true);
    const phrase = itemPhrase(r, name ? 'inboxAssigned' : 'inboxUnassigned');
    if (!phrase.values?.author) return itemPhrase(r, 'inboxAssignedPlain', true);
    return name ? { ...phrase, values: { ...phrase.values, assignee: user(name, r.link('members')) } } : phrase;
  },
  'inbox.item_labels_changed': (r) => {
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((l): l is string => typeof l === 'string') : []);
    const added = list(r.data.added);
    const removed = list(r.data.removed);
    const key = added.length && removed.length ? 'inboxLabelsChanged' : added.length ? 'inboxLabelsAdded' : removed.length ? 'inboxLabelsRemoved' : null;
    const phrase = key ? itemPhrase(r, key) : null;
    if (!key || !phrase?.values?.author) return itemPhrase(r, 'inboxLabelsPlain', true);
    const and = (labels: string[]) => user(new Intl.ListFormat(r.language, { type: 'conjunction' }).format(labels));
    return {
      ...phrase,
      ...(key === 'inboxLabelsChanged' ? {} : { count: (added.length || removed.length) }),
      values: { ...phrase.values, ...(added.length ? { added: and(added) } : {}), ...(removed.length ? { removed: and(removed) } : {}) },
    };
  },
  'inbox.note_added': (r) => itemPhrase(r, 'inboxNoteAdded'),
  'charter.updated': (r) =>
    typeof r.data.version === 'number' ? { key: 'charterUpdated', values: { version: word(String(r.data.version)) } } : { key: 'charterUpdatedPlain' },
};

const INBOX_STATUSES = new Set(['open', 'waiting', 'done']);

/**
 * Something a member did to an item of the inbox: its author's handle links to the item. Without the handle (an
 * older row), or when `plain`, the sentence names the inbox instead.
 */
function itemPhrase(r: Reader, key: string, plain = false): Phrase {
  const handle = str(r.data.handle);
  const id = r.event.targetId;
  const inbox = r.link('inbox');
  if (plain || !handle) return { key: key.endsWith('Plain') ? key : `${key}Plain`, values: { inbox: word(r.t('audit.objects.inbox'), inbox) } };
  return { key, values: { author: user(handleOf(handle), id ? `${inbox}?item=${encodeURIComponent(id)}` : inbox) } };
}

/** A built-in department is named in the reader's language; the workspace's own by the name it was given. */
function departmentValue(r: Reader, name: string | null, key: string | null): Value | null {
  if (key) return word(r.t(`tickets.departments.keys.${key}`, { defaultValue: name ?? key }), r.link('departments'));
  return name ? user(name, r.link('departments')) : null;
}

function ticketPhrase(r: Reader, key: string): Phrase {
  const id = r.event.targetId;
  const ticket = word(r.t('audit.objects.ticket'), id ? r.link('overview') + `/tickets/${encodeURIComponent(id)}` : undefined);
  const department = departmentValue(r, str(r.data.department), str(r.data.departmentKey));
  return department ? { key, values: { ticket, department } } : { key: `${key}Plain`, values: { ticket } };
}

function departmentPhrase(r: Reader, key: string, linked: boolean): Phrase {
  const value = departmentValue(r, str(r.data.name), str(r.data.key));
  if (!value) return { key: `${key}Plain` };
  return { key, values: { name: linked ? value : { ...value, href: undefined } } };
}

function accountPhrase(r: Reader, key: string): Phrase {
  const handle = str(r.data.handle);
  const network = nameOf(str(r.data.network));
  if (!handle) return { key: `${key}Plain`, values: { account: word(r.t('audit.objects.account'), r.link('accounts')) } };
  return { key, values: { account: user(handleOf(handle), r.link('accounts')), network: word(network ?? '') } };
}

const capital = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const MODERATION_ACTIONS = new Set(['hide', 'unhide', 'delete', 'block', 'unblock', 'mute', 'unmute', 'report']);

function rulePhrase(r: Reader, key: string, linked: boolean): Phrase {
  const name = str(r.data.name);
  if (!name) return { key: `${key}Plain`, values: { rules: word(r.t('audit.objects.moderationRules'), r.link('moderationRules')) } };
  return { key, values: { name: user(name, linked ? r.link('moderationRules') : undefined) } };
}

/** Something done to a network author or their message; an action this version does not know reads plainly. */
function authorPhrase(r: Reader, key: string, plain: string, page: LinkTarget): Phrase {
  const handle = str(r.data.handle);
  const action = str(r.data.action);
  const known = !action || MODERATION_ACTIONS.has(action);
  const network = nameOf(str(r.data.network));
  if (!handle || !known) return { key: plain, values: { log: word(r.t('audit.objects.moderationLog'), r.link(page)) } };
  return { key, values: { author: user(handleOf(handle), r.link(page)), network: word(network ?? '') } };
}

function campaignPhrase(r: Reader, key: string, linked: boolean): Phrase {
  const name = str(r.data.name);
  if (!name) return { key: `${key}Plain` };
  return { key, values: { name: user(name, linked ? r.link('campaigns') : undefined) } };
}

const TARGET_LINKS: Partial<Record<AuditTargetType, LinkTarget>> = {
  workspace: 'workspaceSettings',
  user: 'members',
  invitation: 'members',
  account: 'accounts',
  campaign: 'campaigns',
  department: 'departments',
};

/** An action this version does not know (written by a newer one): still a sentence, naming what it touched. */
function unknownPhrase(r: Reader, base: string): Phrase {
  const type = r.event.targetType as AuditTargetType | null;
  const id = r.event.targetId;
  if (!type || !id || !r.t(`audit.objects.${type}`, { defaultValue: '' })) return { key: 'unknown' };
  const page = TARGET_LINKS[type];
  const href = type === 'post' ? `${base}/calendar/posts/${encodeURIComponent(id)}` : page ? r.link(page) : undefined;
  return { key: 'unknownWithTarget', values: { target: word(r.t(`audit.objects.${type}`), href) } };
}

const PATHS: Record<LinkTarget, string> = {
  members: '/members',
  accounts: '/settings/accounts',
  campaigns: '/settings/publishing',
  publishingSettings: '/settings/publishing',
  workspaceSettings: '/settings/workspace',
  overview: '',
  departments: '/settings/departments',
  moderationRules: '/moderation/rules',
  moderationLog: '/moderation/log',
  moderationPeople: '/moderation/people',
  moderationModels: '/moderation/models',
  inbox: '/inbox',
};

export function isKnownAction(action: string): action is AuditActionName {
  return Object.hasOwn(PHRASES, action);
}

// Private-use characters: they never occur in translations, so they mark where each value goes.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = new RegExp(`${OPEN}(\\w+)${CLOSE}`, 'g');

/** The event as a sentence, in parts: words of the translation, and values to show apart (and link). */
export function auditSentence(t: TFunction, language: string, event: AuditEventView, workspaceId: string): SentencePart[] {
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  const reader: Reader = { t, language, event, data: event.data ?? {}, link: (to) => base + PATHS[to] };
  const phrase = isKnownAction(event.action) ? PHRASES[event.action](reader) : unknownPhrase(reader, base);
  const values: Record<string, Value> = { ...phrase.values, actor: actorValue(t, event, phrase.anonymous ?? 'ruche') };
  const slots = Object.fromEntries(Object.keys(values).map((name) => [name, `${OPEN}${name}${CLOSE}`]));
  const template = t(`audit.sentences.${phrase.key}`, {
    ...slots,
    ...(phrase.count === undefined ? {} : { count: phrase.count }),
    interpolation: { escapeValue: false },
  });
  const parts: SentencePart[] = [];
  let at = 0;
  for (const m of template.matchAll(SLOT)) {
    if (m.index > at) parts.push({ kind: 'text', text: template.slice(at, m.index) });
    const value = values[m[1]];
    if (value) parts.push({ kind: 'value', name: m[1], text: value.text, user: value.user ?? false, ...(value.href ? { href: value.href } : {}) });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ kind: 'text', text: template.slice(at) });
  return parts;
}

function actorValue(t: TFunction, event: AuditEventView, anonymous: 'ruche' | 'someone'): Value {
  if (!event.actor) return word(t(anonymous === 'someone' ? 'audit.someone' : 'audit.ruche'));
  if (!event.actor.name) return word(t('audit.formerMember'));
  return user(event.actor.name);
}

/** The sentence as plain text, for tests and for places that need a string. */
export function sentenceText(parts: SentencePart[]): string {
  return parts.map((p) => p.text).join('');
}
