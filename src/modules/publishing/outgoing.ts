import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { tagLinks, utmTags } from '../../shared/utm.js';
import { languagesFor } from './post-language.js';

/** What of a post and its campaign decides the words that go out to one account. */
export interface OutgoingSource {
  network: string;
  body: string;
  variant: string | null;
  thread: string;
  language: string | null;
  workspace_locale: string;
  campaign_name: string | null;
  utm_enabled: number | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
}

/**
 * The texts of a post as they go out on one account (its own variant, then the thread), links tagged when its
 * campaign asks for UTM tags, and the language: the one chosen, else the one the first text is in.
 */
export async function outgoingTexts(row: OutgoingSource): Promise<{ texts: string[]; languages: string[] }> {
  const written = [row.variant ?? row.body, ...(JSON.parse(row.thread) as string[])];
  const tags =
    row.campaign_name === null
      ? null
      : utmTags(
          { enabled: Number(row.utm_enabled) === 1, source: row.utm_source ?? '', medium: row.utm_medium ?? '', campaign: row.utm_campaign ?? '' },
          row.campaign_name,
          row.network,
        );
  const languages = await languagesFor(row.language, written[0], row.workspace_locale);
  return { texts: written.map((text) => tagLinks(text, tags)), languages };
}

/** The workspace's language: what a post too short to tell is taken to be in. */
export async function workspaceLanguage(db: Kysely<Database>, workspaceId: string): Promise<'fr' | 'en'> {
  const row = await db.selectFrom('workspaces').select('locale').where('id', '=', workspaceId).executeTakeFirst();
  return row?.locale === 'en' ? 'en' : 'fr';
}
