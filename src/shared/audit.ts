/**
 * The audit log's vocabulary, shared by the server that writes it and the web app that tells it as sentences.
 * Action names are stable: they are stored. Each row carries, at write time, what its sentence needs (names,
 * handles, roles), because what it speaks of may be renamed or deleted later.
 */
export const AuditAction = {
  signIn: 'auth.sign_in',
  signInFailed: 'auth.sign_in_failed',
  signOut: 'auth.sign_out',
  passwordChanged: 'auth.password_changed',
  passwordResetRequested: 'auth.password_reset_requested',
  passwordReset: 'auth.password_reset',
  ownerCreated: 'auth.owner_created',
  workspaceCreated: 'workspace.created',
  workspaceUpdated: 'workspace.updated',
  workspaceRenamed: 'workspace.renamed',
  workspaceTimezoneChanged: 'workspace.timezone_changed',
  workspaceLocaleChanged: 'workspace.locale_changed',
  workspaceWeekStartChanged: 'workspace.week_start_changed',
  clientsSeeDraftsChanged: 'workspace.clients_see_drafts_changed',
  clientsSeeInternalCommentsChanged: 'workspace.clients_see_internal_comments_changed',
  clientsSeeInboxChanged: 'workspace.clients_see_inbox_changed',
  workspaceLogoChanged: 'workspace.logo_changed',
  workspaceLogoRemoved: 'workspace.logo_removed',
  invitationCreated: 'invitation.created',
  invitationRevoked: 'invitation.revoked',
  invitationAccepted: 'invitation.accepted',
  memberRoleChanged: 'member.role_changed',
  memberRemoved: 'member.removed',
  publishingPaused: 'publishing.paused',
  publishingResumed: 'publishing.resumed',
  accountConnected: 'account.connected',
  accountDisconnected: 'account.disconnected',
  approvalSettingsChanged: 'publishing.approval_changed',
  campaignCreated: 'campaign.created',
  campaignUpdated: 'campaign.updated',
  campaignDeleted: 'campaign.deleted',
  moderationRuleCreated: 'moderation.rule_created',
  moderationRuleUpdated: 'moderation.rule_updated',
  moderationRuleDeleted: 'moderation.rule_deleted',
  moderationRulesReordered: 'moderation.rules_reordered',
  moderationItemAction: 'moderation.item_action',
  moderationUndone: 'moderation.undone',
  moderationReviewDecided: 'moderation.review_decided',
  moderationRetrainRequested: 'moderation.retrain_requested',
  authorAdvocateChanged: 'inbox.author_advocate_changed',
  authorListsChanged: 'inbox.author_lists_changed',
  inboxStatusChanged: 'inbox.item_status_changed',
  inboxAssigned: 'inbox.item_assigned',
  inboxLabelsChanged: 'inbox.item_labels_changed',
  inboxNoteAdded: 'inbox.note_added',
  ticketOpened: 'ticket.opened',
  ticketClosed: 'ticket.closed',
  departmentCreated: 'department.created',
  departmentUpdated: 'department.updated',
  departmentDeleted: 'department.deleted',
  charterUpdated: 'charter.updated',
  networkAppSaved: 'instance.network_app_saved',
  networkAppRemoved: 'instance.network_app_removed',
} as const;
export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

export const AUDIT_ACTIONS: readonly AuditActionName[] = Object.values(AuditAction);

/** What a row's `target` may point at; the web app links each kind to its page. */
export type AuditTargetType = 'workspace' | 'user' | 'invitation' | 'account' | 'campaign' | 'post' | 'ticket' | 'department' | 'moderation_rule' | 'inbox_item' | 'inbox_author';

/**
 * The data each action's row carries. Rows written by older versions may lack fields, so readers treat every
 * field as optional.
 */
export interface AuditData {
  'auth.sign_in_failed': { email: string; via: 'sign_in' | 'invitation' | 'password_change' };
  /** `sessions`: how many of the account's sessions were signed out. */
  'auth.password_reset': { via: 'email' | 'command_line'; sessions: number };
  'workspace.created': { name: string };
  'workspace.renamed': { from: string; to: string };
  'workspace.timezone_changed': { from: string; to: string };
  'workspace.locale_changed': { from: string; to: string };
  'workspace.week_start_changed': { from: string; to: string };
  /** `enabled`: whether clients now see drafts in progress. */
  'workspace.clients_see_drafts_changed': { enabled: boolean };
  /** `enabled`: whether clients now read the team's internal comments. */
  'workspace.clients_see_internal_comments_changed': { enabled: boolean };
  /** `enabled`: whether clients now read the inbox. */
  'workspace.clients_see_inbox_changed': { enabled: boolean };
  'workspace.logo_changed': { width: number; height: number };
  'invitation.created': { email: string; role: string };
  'invitation.revoked': { email: string; role: string };
  'invitation.accepted': { email: string; role: string };
  /** `name` is the member's name when the role changed. */
  'member.role_changed': { name: string; from: string; to: string };
  'member.removed': { name: string; role: string };
  'publishing.resumed': { overdue: number };
  'publishing.approval_changed': { approvalSteps: Array<{ roles: string[]; count: number }> };
  /** `reconnected` when the account was connected before (its credentials replaced). */
  'account.connected': { network: string; handle: string; reconnected?: boolean };
  'account.disconnected': { network: string; handle: string };
  'campaign.created': { name: string };
  /** `from` is the former name, present when the campaign was renamed. */
  'campaign.updated': { name: string; from?: string };
  'campaign.deleted': { name: string };
  'moderation.rule_created': { name: string };
  /** `enabled` is present when the rule was switched on or off. */
  'moderation.rule_updated': { name: string; enabled?: boolean };
  'moderation.rule_deleted': { name: string };
  'moderation.rules_reordered': { count: number };
  /** A member's own action on an item or its author: hide, block, mute, report, delete and their undos. */
  'moderation.item_action': { action: string; handle: string; network: string };
  /** `action` is the one undone (hide, block, mute). */
  'moderation.undone': { action: string; handle: string; network: string };
  'moderation.review_decided': { decision: 'confirm' | 'overturn'; action: string; handle: string };
  'moderation.retrain_requested': { decisions: number };
  'inbox.author_advocate_changed': { handle: string; network: string; advocate: boolean };
  'inbox.author_lists_changed': { handle: string; network: string; lists: string[] };
  /** An item of the inbox marked open, waiting or done by a member; `handle` is its author's. */
  'inbox.item_status_changed': { from: string; to: string; handle: string; network: string };
  /** `assignee`: the member's name when assigned, null when the assignment was taken off. */
  'inbox.item_assigned': { assignee: string | null; handle: string; network: string };
  'inbox.item_labels_changed': { added: string[]; removed: string[]; handle: string; network: string };
  /** The note itself stays with the item: the log says that one was written. */
  'inbox.note_added': { handle: string; network: string };
  /** The instance's developer app on a network, saved in Settings > Networks; never the keys themselves. */
  'instance.network_app_saved': { network: string; clientIdChanged: boolean; secretChanged: boolean };
  'instance.network_app_removed': { network: string };
  /** `departmentKey`: the built-in department's key ('support'…), named in the reader's language; null for the workspace's own. */
  'ticket.opened': { department: string; departmentKey: string | null };
  'ticket.closed': { department: string; departmentKey: string | null };
  'department.created': { name: string };
  'department.updated': { name: string; key: string | null };
  'department.deleted': { name: string };
  /** `version`: the charter's new version number. */
  'charter.updated': { version: number };
}
