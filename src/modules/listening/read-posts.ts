import type { Analysis, ComplaintResult, Lang, LanguageResult, SentimentResult, ToxicityResult } from '../../analysis/index.js';
import { langHint } from '../inbound/risk.js';
import type { TopicIndex } from './query/index.js';
import { signatureOf } from './near-duplicates.js';
import type { NormalizedPost } from './normalize.js';

/** What reading a post needs of it: plain data, so that a batch can be read on another thread. */
export interface PostToRead {
  /**
   * What topics are matched on: the title when the text does not start with it, then the text; absent when that is
   * the text alone (a batch handed to a thread then carries each text once).
   */
  matchText?: string;
  /** What is analysed and compared with near-duplicates. */
  text: string;
  /** The first language the post declares, which `lang:` filters on. */
  declared: string | null;
  /** The language handed to the analysis when the text is too short to tell. */
  hint: Lang | undefined;
  authorHandle: string;
  url: string | null;
  hashtags: string[];
  mentions: string[];
  /** The language code of an analysis the caller already has for this text (it is not analysed again). */
  knownCode?: string;
}

/**
 * What listening keeps of a text's analysis: what it stores and counts. The rest stays out (the inbox reads a
 * mention's text again when it takes it in), which keeps a batch read on another thread light to hand back: a few
 * small objects per post rather than a dozen.
 */
export interface MentionAnalysis {
  language: Pick<LanguageResult, 'code'>;
  sentiment: Pick<SentimentResult, 'label' | 'score'>;
  toxicity: Pick<ToxicityResult, 'score'>;
  complaint: Pick<ComplaintResult, 'flagged'>;
  keywords: string[];
  hashtags: string[];
  links: string[];
}

export const mentionAnalysis = (a: Analysis): MentionAnalysis => ({
  language: { code: a.language.code }, sentiment: { label: a.sentiment.label, score: a.sentiment.score }, toxicity: { score: a.toxicity.score },
  complaint: { flagged: a.complaint.flagged }, keywords: a.keywords, hashtags: a.hashtags, links: a.links,
});

/** A post read: the topics it matched and, when it matched any, its analysis (unless known) and near-duplicate signature. */
export type ReadResult =
  | { topicIds: string[]; analysis: MentionAnalysis | null; signature: Uint32Array | null }
  | { error: string };

/** What reading needs of a normalised post; `knownCode` when the caller has its text's analysis already. */
export function postToRead(post: NormalizedPost, knownCode?: string): PostToRead {
  return {
    ...(post.title && !post.text.startsWith(post.title) ? { matchText: `${post.title}\n${post.text}` } : {}),
    text: post.text, declared: post.languages[0] ?? null, hint: langHint(post.languages), authorHandle: post.author.handle, url: post.url,
    hashtags: post.hashtags, mentions: post.mentions, ...(knownCode !== undefined ? { knownCode } : {}),
  };
}

export const analysisKey = (hint: Lang | undefined, text: string) => `${hint ?? ''}\n${text}`;

export const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/**
 * Matching comes first and costs microseconds: posts that no topic wants are never analysed. The language the post
 * declares is the one `lang:` filters on; only a post that declares none, when a topic filters on language, is
 * analysed first to tell it. Each distinct text is analysed once per batch.
 */
export function readPosts(
  posts: readonly PostToRead[], index: TopicIndex, usesLanguage: boolean, analyze: (text: string, hint: Lang | undefined) => Analysis,
): ReadResult[] {
  const done = new Map<string, MentionAnalysis>();
  const analyse = (post: PostToRead) => {
    const key = analysisKey(post.hint, post.text);
    let analysis = done.get(key);
    if (!analysis) done.set(key, (analysis = mentionAnalysis(analyze(post.text, post.hint))));
    return analysis;
  };
  return posts.map((post): ReadResult => {
    try {
      const known = post.knownCode !== undefined;
      let analysis = !known && !post.declared && usesLanguage ? analyse(post) : null;
      const topicIds = index.match({
        text: post.matchText ?? post.text, lang: post.declared ?? (known ? post.knownCode : analysis?.language.code) ?? null,
        authorHandle: post.authorHandle, url: post.url, hashtags: post.hashtags, mentions: post.mentions,
      });
      if (topicIds.length === 0) return { topicIds, analysis: null, signature: null };
      if (!known) analysis ??= analyse(post);
      return { topicIds, analysis, signature: signatureOf(post.text) };
    } catch (err) {
      return { error: reasonOf(err) };
    }
  });
}
