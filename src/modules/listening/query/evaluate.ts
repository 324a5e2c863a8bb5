import type { FieldNode, NearNode, NearSide, NearTerm, PhraseNode, PrefixNode, QueryNode } from './ast.js';
import { postHost, type PostWords } from './post.js';
import { stem } from './normalize.js';

/** Whether the post satisfies the query tree. */
export function evaluate(node: QueryNode, post: PostWords): boolean {
  switch (node.type) {
    case 'word':
      return post.spans.has(node.stem);
    case 'prefix':
      return prefixSpans(post, node).length > 0;
    case 'phrase':
      return phraseSpans(post, node, true).length > 0;
    case 'hashtag':
      return post.hashtags.has(node.tag);
    case 'mention':
      return post.mentions.has(node.handle);
    case 'field':
      return fieldMatches(node, post);
    case 'and':
      return node.children.every((c) => evaluate(c, post));
    case 'or':
      return node.children.some((c) => evaluate(c, post));
    case 'not':
      return !evaluate(node.child, post);
    case 'near':
      return nearMatches(node, post);
  }
}

function fieldMatches(node: FieldNode, post: PostWords): boolean {
  switch (node.field) {
    case 'lang':
      // `lang:fr` takes French from anywhere (fr-CA); `lang:fr-ca` only that one.
      return post.lang === node.value || post.lang.startsWith(`${node.value}-`);
    case 'author':
      return post.author === node.value || (!node.value.includes('@') && post.author.startsWith(`${node.value}@`));
    case 'site': {
      const host = postHost(post);
      return host === node.value || host.endsWith(`.${node.value}`);
    }
  }
}

/** Longest run of query words that a single written word may stand for ("coca cola" written "cocacola"). */
const MAX_JOINED_WORDS = 4;

interface Piece {
  value: string;
  /** The index of the phrase word after this piece. */
  next: number;
}

const piecesMemo = new WeakMap<PhraseNode, Piece[][]>();

/**
 * For each word of the phrase, what may stand at that point of the post: the word itself, or that word glued to the
 * next ones, so `"coca cola"` matches "cocacola" and `e-mail` matches "email".
 */
export function phrasePieces(node: PhraseNode): Piece[][] {
  let pieces = piecesMemo.get(node);
  if (!pieces) {
    const n = node.stems.length;
    pieces = node.stems.map((s, i) => {
      const out: Piece[] = [{ value: s, next: i + 1 }];
      for (let j = i + 1; j < Math.min(n, i + MAX_JOINED_WORDS); j++) {
        out.push({ value: stem(node.folded.slice(i, j + 1).join('')), next: j + 1 });
      }
      return out;
    });
    piecesMemo.set(node, pieces);
  }
  return pieces;
}

/** Where the phrase stands in the post, as [start, end, …] in word positions. */
export function phraseSpans(post: PostWords, node: PhraseNode, firstOnly = false): number[] {
  const pieces = phrasePieces(node);
  const n = pieces.length;
  const found: number[] = [];
  const starts = new Set<number>();
  for (const piece of pieces[0]!) {
    const spans = post.spans.get(piece.value);
    if (spans) for (let k = 0; k < spans.length; k += 2) starts.add(spans[k]!);
  }
  for (const start of starts) {
    // Walk every way the post's words and joined words can spell the phrase from here.
    const stack = [start, 0];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const i = stack.pop()!;
      const p = stack.pop()!;
      if (i === n) {
        found.push(start, p);
        if (firstOnly) return found;
        continue;
      }
      const key = p * (n + 1) + i;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const piece of pieces[i]!) {
        if (post.stems[p] === piece.value) stack.push(p + 1, piece.next);
        for (const joined of post.joinedAt.get(p) ?? []) if (joined.value === piece.value) stack.push(joined.end, piece.next);
      }
    }
  }
  return found;
}

export function prefixSpans(post: PostWords, node: PrefixNode): number[] {
  let spans = post.prefixSpans.get(node.prefix);
  if (!spans) {
    spans = [];
    for (let p = 0; p < post.forms.length; p++) if (post.forms[p]!.startsWith(node.prefix)) spans.push(p, p + 1);
    post.prefixSpans.set(node.prefix, spans);
  }
  return spans;
}

function sideSpans(side: NearSide, post: PostWords): number[] {
  switch (side.type) {
    case 'word':
      return post.spans.get(side.stem) ?? [];
    case 'prefix':
      return prefixSpans(post, side);
    case 'phrase':
      return phraseSpans(post, side);
    case 'or':
      return (side.children as NearTerm[]).flatMap((c) => sideSpans(c, post));
  }
}

/**
 * Both sides with at most `distance` words between them, in either order: `a NEAR/1 b` takes "a b" and "a x b",
 * not "a x y b". Two sides that overlap (one word matching both) do not count.
 */
function nearMatches(node: NearNode, post: PostWords): boolean {
  const left = sideSpans(node.left, post);
  if (left.length === 0) return false;
  const right = sideSpans(node.right, post);
  if (right.length === 0) return false;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < right.length; k += 2) {
    starts.push(right[k]!);
    ends.push(right[k + 1]!);
  }
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  for (let k = 0; k < left.length; k += 2) {
    const a0 = left[k]!;
    const a1 = left[k + 1]!;
    // The nearest right side that starts after this left one ends, and the nearest that ends before it starts.
    const after = starts[firstAtLeast(starts, a1)];
    if (after !== undefined && after - a1 <= node.distance) return true;
    const before = ends[firstAtLeast(ends, a0 + 1) - 1];
    if (before !== undefined && a0 - before <= node.distance) return true;
  }
  return false;
}

function firstAtLeast(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
