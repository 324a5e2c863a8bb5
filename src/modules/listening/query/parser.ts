import type { NearSide, NotNode, QueryNode } from './ast.js';
import { syntaxError } from './errors.js';
import { lex, type Token } from './lexer.js';

export const MAX_QUERY_LENGTH = 2000;
export const MAX_DEPTH = 20;

/**
 * The query as a tree. Precedence, tightest first: NEAR, NOT (and `-`), AND (written or implied between adjacent
 * terms), OR. Throws QuerySyntaxError pointing at the first thing to fix.
 */
export function parseQuery(query: string): QueryNode {
  if (typeof query !== 'string' || query.trim() === '') throw syntaxError('empty', 0, 0);
  if (query.length > MAX_QUERY_LENGTH) {
    throw syntaxError('too_long', MAX_QUERY_LENGTH, query.length, { max: MAX_QUERY_LENGTH });
  }
  const root = new Parser(lex(query)).parse();
  const unanchored = firstUnanchored(root);
  if (unanchored) throw syntaxError('only_negative', unanchored.start, unanchored.end);
  return root;
}

const OPERATOR_NAMES = { and: 'AND', or: 'OR', not: 'NOT', minus: '-', near: 'NEAR' } as const;

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.or();
    const extra = this.tokens[this.pos];
    if (extra?.kind === 'rparen') throw syntaxError('unmatched_paren', extra.start, extra.end);
    if (extra) throw this.unexpected(extra);
    return node;
  }

  private or(): QueryNode {
    const children = [this.and()];
    while (this.peek()?.kind === 'or') {
      this.operand(this.next()!);
      children.push(this.and());
    }
    return group('or', children);
  }

  private and(): QueryNode {
    const children = [this.unary()];
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'and') this.operand(this.next()!);
      else if (!startsOperand(t)) break;
      children.push(this.unary());
    }
    return group('and', children);
  }

  private unary(): QueryNode {
    const t = this.peek();
    if (t?.kind !== 'not' && t?.kind !== 'minus') return this.near();
    this.next();
    this.operand(t);
    this.enter(t);
    const child = this.unary();
    this.depth--;
    return { type: 'not', child, start: t.start, end: child.end } satisfies NotNode;
  }

  private near(): QueryNode {
    const left = this.primary();
    const op = this.peek();
    if (op?.kind !== 'near') return left;
    this.next();
    this.operand(op);
    const right = this.primary();
    const chained = this.peek();
    if (chained?.kind === 'near') throw syntaxError('bad_near', chained.start, chained.end, { reason: 'side' });
    return { type: 'near', distance: op.distance, left: nearSide(left), right: nearSide(right), start: left.start, end: right.end };
  }

  private primary(): QueryNode {
    const t = this.next();
    if (!t) throw new Error('primary() is only called before an operand');
    if (t.kind === 'term') return t.node;
    if (t.kind === 'rparen') throw syntaxError('unmatched_paren', t.start, t.end);
    if (t.kind !== 'lparen') throw this.unexpected(t);
    this.enter(t);
    const first = this.peek();
    if (!first) throw syntaxError('unclosed_paren', t.start, t.end);
    if (first.kind === 'rparen') throw syntaxError('unexpected_token', first.start, first.end, { token: ')' });
    if (!startsOperand(first)) throw this.unexpected(first);
    const inner = this.or();
    const end = this.next();
    if (end?.kind !== 'rparen') throw syntaxError('unclosed_paren', t.start, t.end);
    this.depth--;
    // A bracketed group spans its brackets, so errors about it underline what the user wrote.
    return inner.type === 'and' || inner.type === 'or' ? { ...inner, start: t.start, end: end.end } : inner;
  }

  /** An operator must be followed by something to apply it to. */
  private operand(op: Token): void {
    const t = this.peek();
    if (startsOperand(t) && !(op.kind === 'near' && (t?.kind === 'not' || t?.kind === 'minus'))) return;
    if (op.kind === 'near' && t) throw syntaxError('bad_near', t.start, t.end, { reason: 'side' });
    throw syntaxError('dangling_operator', op.start, op.end, { operator: OPERATOR_NAMES[op.kind as keyof typeof OPERATOR_NAMES] });
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) throw syntaxError('too_deep', t.start, t.end, { max: MAX_DEPTH });
  }

  private unexpected(t: Token): Error {
    if (t.kind in OPERATOR_NAMES) {
      return syntaxError('dangling_operator', t.start, t.end, { operator: OPERATOR_NAMES[t.kind as keyof typeof OPERATOR_NAMES] });
    }
    return syntaxError('unexpected_token', t.start, t.end, { token: t.kind === 'rparen' ? ')' : '(' });
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token | undefined {
    return this.tokens[this.pos++];
  }
}

function startsOperand(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'term' || t.kind === 'lparen' || t.kind === 'not' || t.kind === 'minus');
}

/** Same-kind groups written in brackets are flattened: `(a b) c` is one AND of three. */
function group(type: 'and' | 'or', children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0]!;
  const flat = children.flatMap((c) => (c.type === type ? c.children : [c]));
  return { type, children: flat, start: children[0]!.start, end: children[children.length - 1]!.end };
}

function nearSide(node: QueryNode): NearSide {
  const isTerm = (n: QueryNode) => n.type === 'word' || n.type === 'prefix' || n.type === 'phrase';
  if (isTerm(node)) return node as NearSide;
  if (node.type === 'or' && node.children.every(isTerm)) return node as NearSide;
  throw syntaxError('bad_near', node.start, node.end, { reason: 'side' });
}

/**
 * The first part of the tree that could match without any word, phrase, hashtag or mention in the post — a NOT, or
 * only filters — which no term index could find and which would match nearly everything.
 */
function firstUnanchored(node: QueryNode): QueryNode | null {
  switch (node.type) {
    case 'not':
    case 'field':
      return node;
    case 'and':
      return node.children.some((c) => firstUnanchored(c) === null) ? null : node;
    case 'or':
      for (const c of node.children) {
        const bad = firstUnanchored(c);
        if (bad) return bad;
      }
      return null;
    default:
      return null;
  }
}
