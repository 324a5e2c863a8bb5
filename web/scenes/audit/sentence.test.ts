import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../../i18n/bundles.js';
import type { AuditEventView } from '../../../src/shared/api.js';
import { AUDIT_ACTIONS, type AuditActionName } from '../../../src/shared/audit.js';
import { auditSentence, sentenceText } from './sentence.js';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });

const WID = 'ws-1';
const olga = { id: 'u-olga', name: 'Olga' };

/** What each action's row holds when written by this version. */
const SAMPLES: Record<AuditActionName, Record<string, unknown>> & Record<string, Record<string, unknown>> = {
  'auth.sign_in': {},
  'auth.sign_in_failed': { email: 'olga@example.com', via: 'sign_in' },
  'auth.sign_out': {},
  'auth.password_changed': {},
  'auth.password_reset_requested': {},
  'auth.password_reset': { via: 'command_line', sessions: 2 },
  'auth.owner_created': {},
  'workspace.created': { name: 'Brand A' },
  'workspace.updated': {},
  'workspace.renamed': { from: 'Brand A', to: 'Hive' },
  'workspace.timezone_changed': { from: 'Europe/Paris', to: 'America/New_York' },
  'workspace.locale_changed': { from: 'fr', to: 'en' },
  'workspace.week_start_changed': { from: 'monday', to: 'sunday' },
  'workspace.clients_see_drafts_changed': { enabled: true },
  'workspace.clients_see_internal_comments_changed': { enabled: false },
  'workspace.clients_see_inbox_changed': { enabled: true },
  'workspace.logo_changed': { width: 900, height: 300 },
  'workspace.logo_removed': {},
  'invitation.created': { email: 'marc@example.com', role: 'analyst' },
  'invitation.revoked': { email: 'marc@example.com', role: 'analyst' },
  'invitation.accepted': { email: 'marc@example.com', role: 'analyst' },
  'member.role_changed': { name: 'Marc', from: 'analyst', to: 'community_manager' },
  'member.removed': { name: 'Marc', role: 'analyst' },
  'publishing.paused': {},
  'publishing.resumed': { overdue: 3 },
  'account.connected': { network: 'bluesky', handle: 'brand.bsky.social' },
  'account.disconnected': { network: 'mastodon', handle: 'brand@mastodon.social' },
  'publishing.approval_changed': { approvalSteps: [{ roles: ['client'], count: 1 }, { roles: ['admin', 'owner'], count: 2 }] },
  'campaign.created': { name: 'Summer sale' },
  'campaign.updated': { name: 'Summer sale' },
  'campaign.deleted': { name: 'Summer sale' },
  'ticket.opened': { department: 'Legal', departmentKey: 'legal' },
  'ticket.closed': { department: 'Warranty desk', departmentKey: null },
  'department.created': { name: 'Warranty desk' },
  'department.updated': { name: 'Legal', key: 'legal' },
  'department.deleted': { name: 'Warranty desk' },
  'moderation.rule_created': { name: 'Hide slurs' },
  'moderation.rule_updated': { name: 'Hide slurs', enabled: false },
  'moderation.rule_deleted': { name: 'Hide slurs' },
  'moderation.rules_reordered': { count: 3 },
  'moderation.item_action': { action: 'block', handle: 'troll.bsky.social', network: 'bluesky' },
  'moderation.undone': { action: 'hide', handle: 'troll.bsky.social', network: 'bluesky' },
  'moderation.review_decided': { decision: 'overturn', action: 'hide', handle: 'troll.bsky.social' },
  'moderation.retrain_requested': { decisions: 12 },
  'inbox.author_advocate_changed': { handle: 'fan@mastodon.social', network: 'mastodon', advocate: true },
  'inbox.author_lists_changed': { handle: 'fan@mastodon.social', network: 'mastodon', lists: ['vip', 'press'] },
  'inbox.item_status_changed': { from: 'open', to: 'done', handle: 'ana.bsky.social', network: 'bluesky' },
  'inbox.item_assigned': { assignee: 'Marc', handle: 'ana.bsky.social', network: 'bluesky' },
  'inbox.item_labels_changed': { added: ['vip', 'late'], removed: [], handle: 'ana.bsky.social', network: 'bluesky' },
  'inbox.note_added': { handle: 'ana.bsky.social', network: 'bluesky' },
  'charter.updated': { version: 3 },
  'instance.network_app_saved': { network: 'linkedin', clientIdChanged: true, secretChanged: true },
  'instance.network_app_removed': { network: 'linkedin' },
};

function event(action: string, data: Record<string, unknown>, more: Partial<AuditEventView> = {}): AuditEventView {
  return { id: 'e1', action, actor: olga, targetType: null, targetId: null, data, ip: '203.0.113.4', createdAt: '2026-03-10T12:00:00.000Z', ...more };
}

const say = (lng: 'en' | 'fr', e: AuditEventView) => auditSentence(i18n.getFixedT(lng), lng, e, WID);
const text = (lng: 'en' | 'fr', e: AuditEventView) => sentenceText(say(lng, e));

describe('audit sentences', () => {
  it('tell every action in both languages, with the data written today and with none (older rows)', () => {
    for (const lng of ['en', 'fr'] as const) {
      for (const action of AUDIT_ACTIONS) {
        for (const data of [SAMPLES[action], {}]) {
          const sentence = text(lng, event(action, data));
          const where = `${lng} ${action} ${JSON.stringify(data)}`;
          expect(sentence, where).not.toMatch(/\{\{|\}\}|audit\.|\uE000|\uE001/);
          expect(sentence, where).not.toContain(action);
          expect(sentence, where).toMatch(/^Olga |\bOlga\b/);
          expect(sentence.length, where).toBeGreaterThan(12);
        }
      }
    }
  });

  it('says whose role changed, from what to what, and links the member to the members page', () => {
    const e = event('member.role_changed', SAMPLES['member.role_changed'], { targetType: 'user', targetId: 'u-marc' });
    expect(text('en', e)).toBe("Olga changed Marc’s role from Social analyst to Community manager");
    expect(text('fr', e)).toBe('Olga a fait passer Marc du rôle Analyste social media au rôle Community manager');
    const marc = say('en', e).find((p) => p.kind === 'value' && p.name === 'member');
    expect(marc).toEqual({ kind: 'value', name: 'member', text: 'Marc', user: true, href: '/w/ws-1/members' });
  });

  it('names the account connected or disconnected and links it to the accounts page', () => {
    const connected = event('account.connected', SAMPLES['account.connected']);
    expect(text('en', connected)).toBe('Olga connected @brand.bsky.social (Bluesky)');
    expect(say('en', connected).find((p) => p.kind === 'value' && p.name === 'account')).toMatchObject({ text: '@brand.bsky.social', href: '/w/ws-1/settings/accounts' });
    expect(text('en', event('account.connected', { ...SAMPLES['account.connected'], reconnected: true }))).toBe('Olga reconnected @brand.bsky.social (Bluesky)');
    expect(text('fr', event('account.disconnected', SAMPLES['account.disconnected']))).toBe('Olga a déconnecté @brand@mastodon.social (Mastodon)');
    expect(text('en', event('account.disconnected', {}))).toBe('Olga disconnected an account');
  });

  it('tells publishing, campaigns and settings in words', () => {
    expect(text('en', event('publishing.paused', {}))).toBe('Olga paused all publishing');
    expect(text('fr', event('publishing.paused', {}))).toBe('Olga a suspendu toutes les publications');
    expect(text('en', event('publishing.resumed', { overdue: 1 }))).toBe('Olga resumed publishing and decided what to do with 1 overdue post');
    expect(text('en', event('publishing.resumed', { overdue: 0 }))).toBe('Olga resumed publishing');
    expect(text('en', event('campaign.created', SAMPLES['campaign.created']))).toBe('Olga created the campaign “Summer sale”');
    expect(text('fr', event('campaign.deleted', SAMPLES['campaign.deleted']))).toBe('Olga a supprimé la campagne «\u00a0Summer sale\u00a0»');
    expect(text('en', event('campaign.updated', { name: 'Winter sale', from: 'Summer sale' }))).toBe('Olga renamed the campaign “Summer sale” to “Winter sale”');
    const nameOf = (action: AuditActionName) => say('en', event(action, SAMPLES[action])).find((p) => p.kind === 'value' && p.name === 'name');
    expect(nameOf('campaign.created')).toMatchObject({ text: 'Summer sale', href: '/w/ws-1/settings/publishing' });
    expect(nameOf('campaign.deleted')).not.toHaveProperty('href');
    expect(text('en', event('publishing.approval_changed', SAMPLES['publishing.approval_changed']))).toBe(
      'Olga changed the approval steps: 1 approval by Client and 2 approvals by Administrator or Owner',
    );
    expect(text('en', event('publishing.approval_changed', { approvalSteps: [] }))).toBe('Olga turned approval off: posts no longer wait for anyone');
    expect(text('en', event('workspace.locale_changed', SAMPLES['workspace.locale_changed']))).toBe('Olga changed the language of posts from French to English');
    expect(text('fr', event('workspace.week_start_changed', SAMPLES['workspace.week_start_changed']))).toBe(
      `Olga a changé le premier jour de la semaine\u00a0: ${fr.workspaceSettings.weekStarts.sunday} au lieu de ${fr.workspaceSettings.weekStarts.monday}`,
    );
    expect(text('en', event('workspace.timezone_changed', SAMPLES['workspace.timezone_changed']))).toBe("Olga changed the workspace’s time zone from Europe/Paris to America/New York");
  });

  it('says how a password was reset and how many sessions it closed', () => {
    expect(text('en', event('auth.password_reset', { via: 'email', sessions: 1 }))).toBe('Olga chose a new password with a reset link, which signed out 1 session');
    expect(text('en', event('auth.password_reset', { via: 'email', sessions: 0 }))).toBe('Olga chose a new password with a reset link');
    expect(text('fr', event('auth.password_reset', SAMPLES['auth.password_reset']))).toBe(
      'Mot de passe réinitialisé en ligne de commande pour Olga, ce qui a fermé 2 sessions',
    );
  });

  it('says who tried a wrong password, and who left rather than was removed', () => {
    const failed = event('auth.sign_in_failed', SAMPLES['auth.sign_in_failed'], { actor: null });
    expect(text('en', failed)).toBe('Someone tried to sign in as olga@example.com with a wrong password');
    expect(text('fr', failed)).toBe('Quelqu’un a tenté de se connecter en tant que olga@example.com avec un mauvais mot de passe');
    expect(text('en', event('auth.sign_in_failed', { email: 'olga@example.com', via: 'password_change' }))).toBe('Olga gave a wrong current password while changing their password');
    expect(text('en', event('member.removed', { name: 'Olga', role: 'admin' }, { targetType: 'user', targetId: olga.id }))).toBe('Olga left the workspace');
    expect(text('en', event('member.removed', SAMPLES['member.removed'], { targetType: 'user', targetId: 'u-marc' }))).toBe('Olga removed Marc (Social analyst) from the workspace');
  });

  it('tells what members did to the inbox’s messages, linking the message', () => {
    const on = (action: AuditActionName, data: Record<string, unknown>) => event(action, data, { targetType: 'inbox_item', targetId: 'item/1' });
    const who = { handle: 'ana.bsky.social', network: 'bluesky' };
    expect(text('en', on('inbox.item_status_changed', SAMPLES['inbox.item_status_changed']))).toBe('Olga marked a message from @ana.bsky.social as done');
    expect(text('fr', on('inbox.item_status_changed', { ...who, from: 'done', to: 'waiting' }))).toBe('Olga a marqué un message de @ana.bsky.social comme en attente');
    expect(say('en', on('inbox.note_added', SAMPLES['inbox.note_added'])).find((p) => p.kind === 'value' && p.name === 'author')).toMatchObject({
      text: '@ana.bsky.social', user: true, href: '/w/ws-1/inbox?item=item%2F1',
    });
    expect(text('fr', on('inbox.note_added', SAMPLES['inbox.note_added']))).toBe('Olga a écrit une note interne sur un message de @ana.bsky.social');
    expect(text('en', on('inbox.item_assigned', SAMPLES['inbox.item_assigned']))).toBe('Olga assigned a message from @ana.bsky.social to Marc');
    expect(text('fr', on('inbox.item_assigned', { ...who, assignee: null }))).toBe('Olga a retiré l’attribution d’un message de @ana.bsky.social');
    expect(text('en', on('inbox.item_labels_changed', SAMPLES['inbox.item_labels_changed']))).toBe('Olga added the labels vip and late to a message from @ana.bsky.social');
    expect(text('fr', on('inbox.item_labels_changed', { ...who, added: [], removed: ['vip'] }))).toBe('Olga a retiré l’étiquette vip d’un message de @ana.bsky.social');
    expect(text('en', on('inbox.item_labels_changed', { ...who, added: ['vip'], removed: ['late'] }))).toBe(
      'Olga relabelled a message from @ana.bsky.social: added vip, took off late',
    );
    // A status this version does not know reads plainly, and names the inbox.
    expect(text('en', on('inbox.item_status_changed', { ...who, from: 'open', to: 'archived' }))).toBe('Olga changed the status of a message in the inbox');
  });

  it('tells an action it does not know as a sentence, linking what it touched', () => {
    expect(text('en', event('post.archived', { anything: 1 }))).toBe('Olga made a change that this version of Ruche cannot describe');
    const onPost = event('post.archived', {}, { targetType: 'post', targetId: 'p/1' });
    expect(text('fr', onPost)).toBe('Olga a modifié une publication d’une façon que cette version de Ruche ne sait pas décrire');
    expect(say('en', onPost).find((p) => p.kind === 'value' && p.name === 'target')).toMatchObject({ text: 'a post', href: '/w/ws-1/calendar/posts/p%2F1' });
  });

  it('keeps names as values, whatever they hold, and speaks of members who are gone and of Ruche itself', () => {
    const hostile = '{{actor}} <b>Marc</b> \u202Egnp.exe';
    const parts = say('en', event('member.role_changed', { ...SAMPLES['member.role_changed'], name: hostile }));
    expect(parts.find((p) => p.kind === 'value' && p.name === 'member')?.text).toBe(hostile);
    expect(parts.filter((p) => p.kind === 'text').map((p) => p.text).join('')).not.toContain('Marc');
    expect(text('en', event('publishing.paused', {}, { actor: null }))).toBe('Ruche paused all publishing');
    expect(text('fr', event('publishing.paused', {}, { actor: { id: 'gone', name: '' } }))).toBe('Un ancien membre a suspendu toutes les publications');
  });
});
