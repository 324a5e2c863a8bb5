import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { InboxAuthorTable, InboxItemTable } from '../../store/inbox-schema.js';
import type { Analysis, Reason } from '../../analysis/index.js';
import type { RuleSubject } from './conditions.js';

export type ItemRow = Selectable<InboxItemTable>;
export type AuthorRow = Selectable<InboxAuthorTable>;
export interface ModeratedRow {
  item: ItemRow;
  author: AuthorRow;
}

const CATEGORIES = ['insult', 'hate', 'threat', 'sexual', 'spam'] as const;

/** Items of one workspace with their authors, in the order asked; ids of other workspaces are left out. */
export async function loadItems(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<ModeratedRow[]> {
  if (ids.length === 0) return [];
  const out: ModeratedRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const items = await db.selectFrom('inbox_items').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute();
    out.push(...(await withAuthors(db, items)));
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => order.get(a.item.id)! - order.get(b.item.id)!);
}

export async function withAuthors(db: Kysely<Database>, items: ItemRow[]): Promise<ModeratedRow[]> {
  const authorIds = [...new Set(items.map((i) => i.author_id))];
  if (authorIds.length === 0) return [];
  const authors = new Map<string, AuthorRow>();
  for (let i = 0; i < authorIds.length; i += 500) {
    const rows = await db.selectFrom('inbox_authors').selectAll().where('id', 'in', authorIds.slice(i, i + 500)).execute();
    for (const a of rows) authors.set(a.id, a);
  }
  return items.flatMap((item) => {
    const author = authors.get(item.author_id);
    return author ? [{ item, author }] : [];
  });
}

export function parseAnalysis(item: ItemRow): Partial<Analysis> {
  try {
    const parsed: unknown = JSON.parse(item.analysis);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<Analysis>) : {};
  } catch {
    return {};
  }
}

export function reasonsOf(item: ItemRow): Reason[] {
  const reasons = parseAnalysis(item).reasons;
  return Array.isArray(reasons) ? reasons : [];
}

export function categoriesOf(item: ItemRow): Record<(typeof CATEGORIES)[number], number> {
  const cats = parseAnalysis(item).toxicity?.categories as Partial<Record<string, unknown>> | undefined;
  const out = { insult: 0, hate: 0, threat: 0, sexual: 0, spam: 0 };
  for (const c of CATEGORIES) {
    const v = cats?.[c];
    if (typeof v === 'number' && Number.isFinite(v)) out[c] = v;
  }
  if (!cats && item.toxicity_category && item.toxicity_category in out) out[item.toxicity_category as keyof typeof out] = Number(item.toxicity);
  return out;
}

export function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function subjectOf({ item, author }: ModeratedRow, now: number): RuleSubject {
  const analysis = parseAnalysis(item);
  const code = analysis.language?.code;
  return {
    network: item.network,
    kind: item.kind,
    text: item.text,
    language: typeof code === 'string' && code !== 'und' ? code : item.language,
    sentiment: item.sentiment,
    complaint: Number(item.complaint) === 1,
    hasLink: Number(item.has_link) === 1,
    categories: categoriesOf(item),
    author: {
      lists: parseList(author.lists),
      followers: author.followers === null ? null : Number(author.followers),
      accountCreatedAt: author.account_created_at === null ? null : Number(author.account_created_at),
      removedCount: Number(author.removed_count),
    },
    now,
  };
}
