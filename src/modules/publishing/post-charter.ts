import type { Kysely } from 'kysely';
import type { Database, PostTable } from '../../store/schema.js';
import type { Charter } from '../../shared/charter/charter.js';
import type { Finding, Rule } from '../../shared/charter/findings.js';
import { checkMessage } from '../../shared/charter/check.js';
import { currentCharter } from '../charter/repository.js';
import { charterBlocked, isBlocking, legalReasons } from '../charter/service.js';
import type { Locale } from '../charter/locale.js';
import { loadMedia, loadTargets } from './posts-repository.js';
import { charterReviewJson, type LegalReason } from './legal-review.js';

/** Which text of a post a finding is about: the main text or an account's variant, or a follow-up of the thread. */
export interface Place {
  accountId: string | null;
  network: string | null;
  thread: number | null;
}
export type PlacedFinding = Finding & { place: Place };

export interface PostTexts {
  post: Pick<PostTable, 'id' | 'body' | 'thread' | 'language' | 'campaign_id'>;
  targets: Array<{ accountId: string; network: string; variant: string | null }>;
  media: { count: number; withAltText: number };
}

export interface PostCheck {
  findings: PlacedFinding[];
  legal: LegalReason[];
  /** The text of the first place with a finding, for a list to quote. */
  excerpt: string;
}

// Rules about the post as a whole: judged on its first text, not again on each follow-up of its thread.
const WHOLE_POST: ReadonlySet<Rule> = new Set(['network.visual', 'network.alt_text', 'hashtag.key_missing', 'hashtag.campaign_missing', 'signature.missing']);

const languageOf = (code: string | null) => {
  const base = code?.slice(0, 2);
  return base === 'fr' || base === 'en' ? base : null;
};

const threadOf = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
};

/** Checks every text of the post the way it will go out: each network's text, then each follow-up. */
export function checkPost(charter: Charter, t: PostTexts): PostCheck {
  const places: Array<{ text: string; place: Place }> = [];
  const seen = new Set<string>();
  const add = (text: string, place: Place) => {
    const key = `${place.network}\n${place.thread}\n${text}`;
    if (!seen.has(key)) places.push({ text, place }), seen.add(key);
  };
  const heads = t.targets.length ? t.targets : [{ accountId: null, network: null, variant: null }];
  for (const target of heads) {
    add(target.variant ?? t.post.body, { accountId: target.variant === null ? null : target.accountId, network: target.network, thread: null });
  }
  threadOf(t.post.thread).forEach((text, i) => {
    for (const { network } of heads) add(text, { accountId: null, network, thread: i });
  });
  const findings: PlacedFinding[] = [];
  const legal: LegalReason[] = [];
  let excerpt = '';
  for (const { text, place } of places) {
    const result = checkMessage(charter, {
      text, kind: 'post', network: place.network, campaignId: t.post.campaign_id, media: t.media, language: languageOf(t.post.language),
    });
    const found = result.findings.filter((f) => place.thread === null || !WHOLE_POST.has(f.rule));
    if (found.length && !excerpt) excerpt = text;
    findings.push(...found.map((f) => ({ ...f, place })));
    for (const r of legalReasons(found, (f) => text.slice(f.start, f.end))) {
      if (!legal.some((l) => l.term.toLowerCase() === r.term.toLowerCase())) legal.push(r);
    }
  }
  return { findings, legal, excerpt: excerpt || t.post.body };
}

/** The texts of many posts, read in two queries. */
export async function loadPostTexts(db: Kysely<Database>, posts: readonly PostTexts['post'][]): Promise<Map<string, PostTexts>> {
  const ids = posts.map((p) => p.id);
  const [targets, media] = await Promise.all([loadTargets(db, ids), loadMedia(db, ids)]);
  return new Map(
    posts.map((post) => {
      const own = media.filter((m) => m.post_id === post.id);
      return [post.id, {
        post,
        targets: targets.filter((x) => x.post_id === post.id).map((x) => ({ accountId: x.account_id, network: x.network, variant: x.body })),
        media: { count: own.length, withAltText: own.filter((m) => m.alt.trim() !== '').length },
      }];
    }),
  );
}

/**
 * Checks a post against the charter in force and keeps on it what legal review it needs. With `enforce`
 * (a post on its way out), a blocking finding stops the change: charter_blocked, with the findings worded.
 */
export async function reviewPostText(db: Kysely<Database>, post: PostTable, opts: { enforce: boolean; locale: Locale }): Promise<PostTable> {
  const { charter } = await currentCharter(db, post.workspace_id);
  const texts = (await loadPostTexts(db, [post])).get(post.id)!;
  const { findings, legal } = checkPost(charter, texts);
  if (opts.enforce && findings.some(isBlocking)) throw charterBlocked(findings, opts.locale);
  const charter_review = charterReviewJson(legal);
  if (charter_review !== post.charter_review) await db.updateTable('posts').set({ charter_review }).where('id', '=', post.id).execute();
  return { ...post, charter_review };
}
