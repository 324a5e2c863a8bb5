import type { QueryNode } from './ast.js';
import { evaluate } from './evaluate.js';
import { readPost, type MatchInput } from './post.js';

/** One query against one post, without an index: for previewing a topic while it is being written. */
export function matchQuery(node: QueryNode, input: MatchInput): boolean {
  return evaluate(node, readPost(input));
}
