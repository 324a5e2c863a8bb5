import type { QueryNode } from './ast.js';
import { anchorsOf, PREFIX_KEY_LENGTH } from './anchors.js';
import { QuerySyntaxError } from './errors.js';
import { evaluate } from './evaluate.js';
import { parseQuery } from './parser.js';
import { readPost, type MatchInput } from './post.js';

export interface TopicQuery {
  id: string;
  query: string;
}

export interface TopicIndexStats {
  topics: number;
  invalid: number;
  /** Distinct terms the index is keyed on. */
  anchorTerms: number;
  /** Posts matched so far, and query trees evaluated for them: the index's work, which a test can check. */
  posts: number;
  treesEvaluated: number;
}

export interface TopicIndex {
  /** The ids of the topics the post matches, in the order the topics were given. */
  match(input: MatchInput): string[];
  readonly size: number;
  readonly invalid: { id: string; error: QuerySyntaxError }[];
  stats(): TopicIndexStats;
}

/**
 * Every topic's query parsed once, and an index from the terms a match needs to the topics that need them, so a
 * post is checked only against the topics whose terms it contains. A topic whose query fails is listed in
 * `invalid`, not thrown: one bad topic must not stop the others.
 */
export function compileTopics(topics: readonly TopicQuery[]): TopicIndex {
  const ids: string[] = [];
  const trees: QueryNode[] = [];
  const invalid: { id: string; error: QuerySyntaxError }[] = [];
  const keys = { words: new Map<string, number[]>(), prefixes: new Map<string, number[]>(), hashtags: new Map<string, number[]>(), mentions: new Map<string, number[]>() };
  for (const topic of topics) {
    let tree: QueryNode;
    try {
      tree = parseQuery(topic.query);
    } catch (error) {
      if (!(error instanceof QuerySyntaxError)) throw error;
      invalid.push({ id: topic.id, error });
      continue;
    }
    // parseQuery refuses a query without anchors (only_negative), so every tree here has some.
    const anchors = anchorsOf(tree)!;
    const at = trees.length;
    ids.push(topic.id);
    trees.push(tree);
    for (const kind of ['words', 'prefixes', 'hashtags', 'mentions'] as const) {
      for (const term of anchors[kind]) {
        const list = keys[kind].get(term);
        if (list) list.push(at);
        else keys[kind].set(term, [at]);
      }
    }
  }

  // A mark per topic, stamped with the number of the post being matched, so collecting candidates allocates nothing.
  const marks = new Uint32Array(trees.length);
  let stamp = 0;
  let posts = 0;
  let treesEvaluated = 0;

  return {
    size: trees.length,
    invalid,
    match(input) {
      const post = readPost(input);
      posts++;
      stamp = stamp === 0xffffffff ? 1 : stamp + 1;
      if (stamp === 1) marks.fill(0);
      const candidates: number[] = [];
      const collect = (found: number[] | undefined) => {
        if (!found) return;
        for (const t of found) {
          if (marks[t] !== stamp) {
            marks[t] = stamp;
            candidates.push(t);
          }
        }
      };
      const prefixes = keys.prefixes.size > 0;
      for (const word of post.spans.keys()) {
        collect(keys.words.get(word));
        // A stem keeps the first letters of its word, so its first three stand for the word's.
        if (prefixes && word.length >= PREFIX_KEY_LENGTH) collect(keys.prefixes.get(word.slice(0, PREFIX_KEY_LENGTH)));
      }
      for (const tag of post.hashtags) collect(keys.hashtags.get(tag));
      for (const handle of post.mentions) collect(keys.mentions.get(handle));
      candidates.sort((a, b) => a - b);
      const matched: string[] = [];
      for (const t of candidates) {
        treesEvaluated++;
        if (evaluate(trees[t]!, post)) matched.push(ids[t]!);
      }
      return matched;
    },
    stats: () => ({
      topics: trees.length,
      invalid: invalid.length,
      anchorTerms: keys.words.size + keys.prefixes.size + keys.hashtags.size + keys.mentions.size,
      posts,
      treesEvaluated,
    }),
  };
}
