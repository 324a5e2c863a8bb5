import type { QueryNode } from './ast.js';

/**
 * The words, phrases, wildcards, hashtags and mentions a query looks for, as the user wrote them and once each, for
 * the UI to highlight in a matched post. Terms under a NOT are left out: they are what the post does not contain.
 */
export function queryTerms(node: QueryNode): string[] {
  const terms = new Set<string>();
  const walk = (n: QueryNode): void => {
    switch (n.type) {
      case 'word':
      case 'prefix':
      case 'phrase':
      case 'hashtag':
      case 'mention':
        terms.add(n.text);
        return;
      case 'and':
      case 'or':
        n.children.forEach(walk);
        return;
      case 'near':
        walk(n.left);
        walk(n.right);
        return;
      case 'not':
      case 'field':
        return;
    }
  };
  walk(node);
  return [...terms];
}
