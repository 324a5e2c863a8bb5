/**
 * The rule editor's form state, in strings as the fields hold them, and its conversion to and from the API's
 * conditions and actions. Empty fields mean "any".
 */
import type { ActionType, ItemKind, RuleAction, RuleConditions, Sentiment, ToxicityCategory } from '../../api/moderation.js';

export type Tri = '' | 'yes' | 'no';

export interface RuleDraft {
  name: string;
  toxicity: '' | 'any' | ToxicityCategory;
  threshold: number;
  keywords: string;
  pattern: string;
  languages: string;
  lists: string;
  maxAgeDays: string;
  minFollowers: string;
  maxFollowers: string;
  removedAtLeast: string;
  link: Tri;
  complaint: Tri;
  networks: string[];
  kinds: ItemKind[];
  sentiment: Sentiment[];
  actions: Partial<Record<ActionType, boolean>>;
  label: string;
  assignee: string;
  email: string;
  webhook: string;
  savedReplyId: string;
  department: string;
  stop: boolean;
}

export const emptyDraft = (): RuleDraft => ({
  name: '', toxicity: '', threshold: 0.9, keywords: '', pattern: '', languages: '', lists: '', maxAgeDays: '',
  minFollowers: '', maxFollowers: '', removedAtLeast: '', link: '', complaint: '', networks: [], kinds: [], sentiment: [],
  actions: {}, label: '', assignee: '', email: '', webhook: '', savedReplyId: '', department: '', stop: false,
});

const words = (s: string) => [...new Set(s.split(',').map((w) => w.trim()).filter(Boolean))];
const count = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Math.max(0, Math.round(Number(s))));
const tri = (v: Tri) => (v === '' ? undefined : v === 'yes');
const fromTri = (v: boolean | undefined): Tri => (v === undefined ? '' : v ? 'yes' : 'no');

export function toConditions(d: RuleDraft): RuleConditions {
  const c: RuleConditions = {};
  if (d.toxicity) c.toxicity = { category: d.toxicity, min: Math.round(d.threshold * 100) / 100 };
  if (words(d.keywords).length) c.keywords = words(d.keywords);
  if (d.pattern.trim()) c.pattern = d.pattern.trim();
  if (words(d.languages).length) c.languages = words(d.languages).map((l) => l.toLowerCase());
  if (words(d.lists).length) c.authorLists = words(d.lists);
  const age = count(d.maxAgeDays);
  if (age !== undefined) c.authorMaxAgeDays = age;
  const min = count(d.minFollowers);
  if (min !== undefined) c.authorMinFollowers = min;
  const max = count(d.maxFollowers);
  if (max !== undefined) c.authorMaxFollowers = max;
  const removed = count(d.removedAtLeast);
  if (removed !== undefined) c.authorRemovedAtLeast = removed;
  if (tri(d.link) !== undefined) c.hasLink = tri(d.link);
  if (tri(d.complaint) !== undefined) c.complaint = tri(d.complaint);
  if (d.networks.length) c.networks = d.networks;
  if (d.kinds.length) c.kinds = d.kinds;
  if (d.sentiment.length) c.sentiment = d.sentiment;
  return c;
}

const ORDER: ActionType[] = ['hide', 'delete', 'block', 'mute', 'report', 'label', 'assign', 'escalate', 'email', 'webhook', 'reply', 'ticket', 'review'];

export function toActions(d: RuleDraft): RuleAction[] {
  return ORDER.filter((type) => d.actions[type]).map((type): RuleAction => {
    switch (type) {
      case 'label':
        return { type, label: d.label.trim() };
      case 'assign':
        return { type, userId: d.assignee };
      case 'email':
        return { type, to: d.email.trim() };
      case 'webhook':
        return { type, url: d.webhook.trim() };
      case 'reply':
        return { type, savedReplyId: d.savedReplyId };
      case 'ticket':
        return { type, department: d.department };
      default:
        return { type };
    }
  });
}

export function fromRule(rule: { name: string; conditions: RuleConditions; actions: RuleAction[]; stop?: boolean }): RuleDraft {
  const c = rule.conditions ?? {};
  const d: RuleDraft = {
    ...emptyDraft(),
    name: rule.name,
    toxicity: c.toxicity?.category ?? '',
    threshold: c.toxicity?.min ?? 0.9,
    keywords: (c.keywords ?? []).join(', '),
    pattern: c.pattern ?? '',
    languages: (c.languages ?? []).join(', '),
    lists: (c.authorLists ?? []).join(', '),
    maxAgeDays: c.authorMaxAgeDays?.toString() ?? '',
    minFollowers: c.authorMinFollowers?.toString() ?? '',
    maxFollowers: c.authorMaxFollowers?.toString() ?? '',
    removedAtLeast: c.authorRemovedAtLeast?.toString() ?? '',
    link: fromTri(c.hasLink),
    complaint: fromTri(c.complaint),
    networks: c.networks ?? [],
    kinds: c.kinds ?? [],
    sentiment: c.sentiment ?? [],
    stop: Boolean(rule.stop),
  };
  for (const a of rule.actions ?? []) {
    d.actions[a.type] = true;
    if (a.type === 'label') d.label = a.label;
    if (a.type === 'assign') d.assignee = a.userId;
    if (a.type === 'email') d.email = a.to;
    if (a.type === 'webhook') d.webhook = a.url;
    if (a.type === 'reply') d.savedReplyId = a.savedReplyId;
    if (a.type === 'ticket') d.department = a.department;
  }
  return d;
}

/** What must be fixed before saving, as translation keys under moderation.editor.problems. */
export function draftProblems(d: RuleDraft): string[] {
  const out: string[] = [];
  if (!d.name.trim()) out.push('name');
  if (!ORDER.some((type) => d.actions[type])) out.push('action');
  if (d.pattern.trim()) {
    try {
      new RegExp(d.pattern.trim(), 'u');
    } catch {
      out.push('pattern');
    }
  }
  if (d.actions.label && !d.label.trim()) out.push('label');
  if (d.actions.assign && !d.assignee) out.push('assignee');
  if (d.actions.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) out.push('email');
  if (d.actions.webhook && !/^https:\/\/\S+$/.test(d.webhook.trim())) out.push('webhook');
  if (d.actions.reply && !d.savedReplyId) out.push('savedReply');
  if (d.actions.ticket && !d.department) out.push('department');
  const min = count(d.minFollowers);
  const max = count(d.maxFollowers);
  if (min !== undefined && max !== undefined && min > max) out.push('followers');
  return out;
}
