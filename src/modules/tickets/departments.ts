import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { DepartmentTable } from '../../store/inbox-schema.js';

export type DepartmentRow = Selectable<DepartmentTable>;

/** The departments every workspace starts with, and how long each has to answer by default. */
export const BUILT_IN_DEPARTMENTS = [
  { key: 'support', hours: 24 },
  { key: 'product', hours: 72 },
  { key: 'rnd', hours: 120 },
  { key: 'legal', hours: 48 },
  { key: 'marketing', hours: 48 },
] as const;
export type BuiltInKey = (typeof BUILT_IN_DEPARTMENTS)[number]['key'];

/** Their names where the server writes them (e-mails); the app names them from its own translations by key. */
const NAMES: Record<'en' | 'fr', Record<BuiltInKey, string>> = {
  en: { support: 'Customer support', product: 'Product', rnd: 'R&D', legal: 'Legal', marketing: 'Marketing' },
  fr: { support: 'Service client', product: 'Produit', rnd: 'R&D', legal: 'Juridique', marketing: 'Marketing' },
};

export function isBuiltInKey(key: string | null): key is BuiltInKey {
  return BUILT_IN_DEPARTMENTS.some((d) => d.key === key);
}

/** A department's name in a language: built-in ones are translated, the workspace's own keep the name it gave. */
export function departmentName(d: { key: string | null; name: string }, locale: string): string {
  if (!isBuiltInKey(d.key)) return d.name;
  return NAMES[locale === 'fr' ? 'fr' : 'en'][d.key];
}

/** Whether another department of the workspace already reads as `name`, in either language (case and spaces aside). */
export function nameTaken(others: Array<{ key: string | null; name: string }>, name: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const wanted = norm(name);
  return others.some((d) => (isBuiltInKey(d.key) ? [NAMES.en[d.key], NAMES.fr[d.key]] : [d.name]).some((n) => norm(n) === wanted));
}

/** Creates the built-in departments the first time a workspace needs them (concurrent first reads insert once). */
export async function ensureDepartments(db: Kysely<Database>, workspaceId: string, now: number): Promise<void> {
  const have = await db.selectFrom('departments').select('key').where('workspace_id', '=', workspaceId).where('key', 'is not', null).execute();
  const missing = BUILT_IN_DEPARTMENTS.filter((d) => !have.some((h) => h.key === d.key));
  if (missing.length === 0) return;
  await db
    .insertInto('departments')
    .values(
      missing.map((d) => ({
        id: crypto.randomUUID(),
        workspace_id: workspaceId,
        key: d.key,
        name: NAMES.en[d.key],
        email: '',
        response_hours: d.hours,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .execute();
}

/** A department of the workspace by id, or a built-in one by key. */
export async function findDepartment(db: Kysely<Database>, workspaceId: string, idOrKey: string): Promise<DepartmentRow | undefined> {
  return db
    .selectFrom('departments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => (isBuiltInKey(idOrKey) ? eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)]) : eb('id', '=', idOrKey)))
    .executeTakeFirst();
}
