/**
 * The texts of a draft the charter judges, as the server does when the post is submitted: the text each selected
 * account publishes (the main text, or its own variant) with that account's network, then each follow-up of the
 * thread on each of those networks. No React.
 */
import type { SocialAccountView } from '../../../src/shared/api.js';
import type { CheckInput, CheckResult, Finding, Rule } from '../../../src/shared/charter/findings.js';
import { stopsMessage } from '../../components/charter/wording.js';
import type { Draft } from './draft.js';

export interface CharterPlace {
  /** The account whose own text this is; null for the main text and the thread. */
  accountId: string | null;
  network: string | null;
  thread: number | null;
  input: CheckInput;
}

// Rules about the post as a whole: judged on its first text, not again on each follow-up (as the server does).
const WHOLE_POST: ReadonlySet<Rule> = new Set(['network.visual', 'network.alt_text', 'hashtag.key_missing', 'hashtag.campaign_missing', 'signature.missing']);

export function charterPlaces(draft: Draft, accounts: readonly SocialAccountView[], writerFirstName: string | null): CharterPlace[] {
  const media = { count: draft.media.length, withAltText: draft.media.filter((m) => m.alt.trim() !== '').length };
  const input = (text: string, network: string | null): CheckInput => ({
    text, kind: 'post', network, campaignId: draft.campaignId || null, media, language: draft.language || null, writerFirstName,
  });
  const heads = accounts.length ? accounts.map((a) => ({ id: a.id, network: a.network })) : [{ id: null, network: null }];
  const places: CharterPlace[] = heads.map((h) => {
    const own = h.id !== null && h.id in draft.variants;
    return { accountId: own ? h.id : null, network: h.network, thread: null, input: input(own ? draft.variants[h.id!] : draft.body, h.network) };
  });
  const networks = [...new Set(heads.map((h) => h.network))];
  draft.thread.forEach((part, i) => {
    for (const network of networks) places.push({ accountId: null, network, thread: i, input: input(part, network) });
  });
  return places;
}

export interface ComposerFindings {
  body: Finding[];
  variants: Record<string, Finding[]>;
  thread: Finding[][];
  blocked: boolean;
  legalReview: boolean;
}

const sameFinding = (a: Finding, b: Finding) =>
  a.rule === b.rule && a.start === b.start && a.end === b.end && JSON.stringify(a.params) === JSON.stringify(b.params);

/** One list per text: a text checked for several networks shows each finding once. */
function merge(into: Finding[], found: readonly Finding[]) {
  for (const f of found) if (!into.some((g) => sameFinding(f, g))) into.push(f);
  into.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function groupFindings(places: readonly CharterPlace[], results: readonly CheckResult[], threadLength: number): ComposerFindings {
  const out: ComposerFindings = { body: [], variants: {}, thread: Array.from({ length: threadLength }, () => []), blocked: false, legalReview: false };
  places.forEach((place, i) => {
    const found = place.thread === null ? results[i].findings : results[i].findings.filter((f) => !WHOLE_POST.has(f.rule));
    if (found.some(stopsMessage)) out.blocked = true;
    if (found.some((f) => f.needsLegalReview)) out.legalReview = true;
    if (place.thread !== null) merge(out.thread[place.thread], found);
    else if (place.accountId !== null) merge((out.variants[place.accountId] ??= []), found);
    else merge(out.body, found);
  });
  return out;
}
