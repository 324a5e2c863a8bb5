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
} as const;
export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

export const AUDIT_ACTIONS: readonly AuditActionName[] = Object.values(AuditAction);

/** What a row's `target` may point at; the web app links each kind to its page. */
export type AuditTargetType = 'workspace' | 'user' | 'invitation' | 'account' | 'campaign' | 'post';

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
}
