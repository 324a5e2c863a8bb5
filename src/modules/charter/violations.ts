import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { can, type RoleName } from '../../shared/permissions.js';
import { checkMessage } from '../../shared/charter/check.js';
import { checkPost, loadPostTexts } from '../publishing/post-charter.js';
import { legalReasonsOf } from '../publishing/legal-review.js';
import { currentCharter } from './repository.js';
import { breaksCharter, worded } from './service.js';
import type { Locale } from './locale.js';

const NOT_OUT = ['draft', 'in_review', 'approved', 'scheduled'] as const;
const LIMIT = 1000;
const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const excerptOf = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/**
 * What breaks the charter in force: saved replies (for those who read the inbox) and posts not yet out (for
 * those who see drafts), each with what stops it, asks for legal review, or warns. Suggestions are left out.
 */
export async function charterViolations(db: Kysely<Database>, workspaceId: string, role: RoleName, locale: Locale) {
  const { charter, version } = await currentCharter(db, workspaceId);

  const saved = can(role, 'inbox.read')
    ? await db.selectFrom('saved_replies').select(['id', 'title', 'body', 'language']).where('workspace_id', '=', workspaceId).orderBy('title').limit(LIMIT).execute()
    : [];
  const savedReplies = saved.flatMap((r) => {
    const language = r.language === 'fr' || r.language === 'en' ? r.language : null;
    const findings = checkMessage(charter, { text: r.body, kind: 'saved_reply', language }).findings.filter(breaksCharter);
    return findings.length ? [{ id: r.id, title: r.title, findings: worded(findings, locale) }] : [];
  });

  const rows = can(role, 'posts.drafts')
    ? await db
        .selectFrom('posts')
        .select(['id', 'status', 'scheduled_at', 'body', 'thread', 'language', 'campaign_id', 'charter_review'])
        .where('workspace_id', '=', workspaceId)
        .where('status', 'in', [...NOT_OUT])
        .orderBy('updated_at', 'desc')
        .limit(LIMIT)
        .execute()
    : [];
  const texts = await loadPostTexts(db, rows);
  const posts = rows.flatMap((p) => {
    const { findings, excerpt } = checkPost(charter, texts.get(p.id)!);
    // An approved or scheduled post went through legal review for the terms recorded on it: those no longer count.
    const reviewed = new Set(p.status === 'approved' || p.status === 'scheduled' ? (legalReasonsOf(p) ?? []).map((r) => r.term.toLowerCase()) : []);
    const breaking = findings.filter((f) => breaksCharter(f) && !(f.needsLegalReview && reviewed.has(String(f.params.term ?? f.params.found).toLowerCase())));
    if (breaking.length === 0) return [];
    const networks = new Set(breaking.map((f) => f.place.network));
    const network = networks.size === 1 ? [...networks][0] : null;
    return [{ id: p.id, status: p.status, scheduledAt: iso(p.scheduled_at), excerpt: excerptOf(excerpt), network, findings: worded(breaking, locale) }];
  });

  return { version, savedReplies, posts };
}
