/**
 * Hashtags: banned ones (blocking, like a forbidden term: the strategist banned the tag outright, and the fix is one
 * click), the brand's key hashtags (a post with none of them: a suggestion), the campaign's required ones (a warning:
 * the campaign cannot be measured without them) and too many for the network (a warning). Tags compare without
 * case or accents: #RucheCafé is #ruchecafe.
 */
import type { Charter } from '../charter.js';
import type { Finding, TextEdit } from '../findings.js';
import { finding, removal, type CheckContext } from './finding.js';
import { fold, type Hashtag } from './text.js';

export interface CompiledHashtags {
  banned: Map<string, string>;
  key: string[];
  campaigns: Map<string, string[]>;
}

const bare = (tag: string) => fold(tag.replace(/^#/, ''));
const withHash = (tag: string) => (tag.startsWith('#') ? tag : `#${tag}`);

export function compileHashtags(charter: Charter): CompiledHashtags {
  return {
    banned: new Map(charter.hashtags.banned.map((b) => [bare(b.tag), b.reason])),
    key: charter.hashtags.key.map(withHash),
    campaigns: new Map(charter.hashtags.perCampaign.map((c) => [c.campaignId, c.required.map(withHash)])),
  };
}

/** Appends a tag at the end of the text (after its last word, before trailing blank space). */
function appendTag(text: string, tag: string): TextEdit {
  const end = text.trimEnd().length;
  const lastLine = text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
  const glue = end === 0 ? '' : /(^|\s)#\S+$/.test(lastLine) ? ' ' : '\n\n';
  return { start: end, end, replacement: glue + tag };
}

export function checkHashtags(ctx: CheckContext<CompiledHashtags>): Finding[] {
  const { message, input, compiled } = ctx;
  const { text, hashtags } = message;
  const out: Finding[] = [];
  const present = new Set(hashtags.map((h) => h.folded));

  for (const h of hashtags) {
    const reason = compiled.banned.get(h.folded);
    if (reason === undefined) continue;
    out.push(finding({
      rule: 'hashtag.banned', severity: 'blocking', start: h.start, end: h.end, reason,
      params: { tag: text.slice(h.start, h.end) },
      fix: { kind: 'remove', edits: [removal(text, h.start, h.end)] },
    }));
  }

  if (input.kind === 'post' && compiled.key.length > 0 && !compiled.key.some((k) => present.has(bare(k)))) {
    out.push(finding({
      rule: 'hashtag.key_missing', severity: 'suggestion', start: 0, end: 0,
      params: { tag: compiled.key[0], tags: compiled.key.join(' ') },
      fix: { kind: 'add_hashtag', edits: [appendTag(text, compiled.key[0])] },
    }));
  }

  const required = input.campaignId ? compiled.campaigns.get(input.campaignId) : undefined;
  for (const tag of required?.filter((t) => !present.has(bare(t))) ?? []) {
    out.push(finding({
      rule: 'hashtag.campaign_missing', severity: 'warning', start: 0, end: 0,
      params: { tag, campaignId: input.campaignId! },
      fix: { kind: 'add_hashtag', edits: [appendTag(text, tag)] },
    }));
  }

  const max = ctx.network?.maxHashtags ?? null;
  if (max !== null && hashtags.length > max) {
    // The fix drops the last tags, keeping the ones the charter asks for.
    const keep = new Set([...compiled.key, ...(required ?? [])].map(bare));
    const removable = hashtags.filter((h) => !keep.has(h.folded));
    const drop: Hashtag[] = removable.slice(Math.max(0, removable.length - (hashtags.length - max)));
    const enough = drop.length === hashtags.length - max;
    out.push(finding({
      rule: 'hashtag.too_many', severity: 'warning', start: hashtags[max].start, end: hashtags[hashtags.length - 1].end,
      params: { count: hashtags.length, max, network: input.network ?? '' },
      fix: enough ? { kind: 'remove', edits: drop.map((h) => removal(text, h.start, h.end)) } : null,
    }));
  }
  return out;
}
