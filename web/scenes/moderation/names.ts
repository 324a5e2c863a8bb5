/**
 * What rule actions point at (members, saved replies, departments), loaded once for a page so that summaries and
 * the editor's choices say names instead of ids. Each list that fails to load is simply empty.
 */
import { useTranslation } from 'react-i18next';
import { api, request } from '../../api/client.js';
import { savedReplies, type SavedReply } from '../../api/moderation.js';
import { useLoad } from '../../app/useLoad.js';
import type { SummaryNames } from './summary.js';

export interface Department {
  id: string;
  key: string | null;
  name: string;
}

export const BUILT_IN_DEPARTMENTS = ['support', 'product', 'rnd', 'legal', 'marketing'] as const;

export interface RuleTargets {
  members: Array<{ userId: string; name: string }>;
  replies: SavedReply[];
  departments: Array<{ value: string; name: string }>;
}

const orEmpty = <T,>(p: Promise<T[]>) => p.catch(() => [] as T[]);

export function useRuleTargets(workspaceId: string): { targets: RuleTargets; names: SummaryNames } {
  const { t } = useTranslation();
  const [loaded] = useLoad(async () => {
    const [members, replies, departments] = await Promise.all([
      orEmpty(api.members.list(workspaceId).then((r) => r.items)),
      orEmpty(savedReplies.list(workspaceId)),
      orEmpty(request<{ items: Department[] }>('GET', `/workspaces/${encodeURIComponent(workspaceId)}/departments`).then((r) => r.items)),
    ]);
    return { members, replies, departments };
  }, [workspaceId]);
  const data = loaded.status === 'ready' ? loaded.data : { members: [], replies: [], departments: [] };
  const departments = data.departments.length
    ? data.departments.map((d) => ({ value: d.key ?? d.id, name: d.key ? t(`moderation.departments.${d.key}`, { defaultValue: d.name }) : d.name }))
    : BUILT_IN_DEPARTMENTS.map((key) => ({ value: key, name: t(`moderation.departments.${key}`) }));
  const targets: RuleTargets = { members: data.members.map((m) => ({ userId: m.userId, name: m.name })), replies: data.replies, departments };
  const names: SummaryNames = {
    member: (id) => targets.members.find((m) => m.userId === id)?.name,
    savedReply: (id) => targets.replies.find((r) => r.id === id)?.title,
    department: (value) => targets.departments.find((d) => d.value === value)?.name,
  };
  return { targets, names };
}
