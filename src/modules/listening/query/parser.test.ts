import { describe, expect, it } from 'vitest';
import type { QueryNode } from './ast.js';
import { QuerySyntaxError } from './errors.js';
import { parseQuery } from './parser.js';
import { queryTerms } from './terms.js';

/** The tree as a compact string, to compare structures at a glance. */
function show(node: QueryNode): string {
  switch (node.type) {
    case 'word':
      return node.stem;
    case 'prefix':
      return `${node.prefix}*`;
    case 'phrase':
      return `"${node.stems.join(' ')}"`;
    case 'hashtag':
      return `#${node.tag}`;
    case 'mention':
      return `@${node.handle}`;
    case 'field':
      return `${node.field}:${node.value}`;
    case 'not':
      return `NOT(${show(node.child)})`;
    case 'near':
      return `NEAR${node.distance}(${show(node.left)}, ${show(node.right)})`;
    default:
      return `${node.type.toUpperCase()}(${node.children.map(show).join(', ')})`;
  }
}

function failure(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error;
    throw error;
  }
  throw new Error(`"${query}" parsed`);
}

describe('parseQuery', () => {
  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(show(parseQuery('ruche OR miel AND NOT frelon'))).toBe('OR(ruche, AND(miel, NOT(frelon)))');
    expect(show(parseQuery('NOT a ruche OR b'))).toBe('OR(AND(NOT(a), ruche), b)');
  });

  it('reads adjacent terms as AND, and brackets override precedence', () => {
    expect(show(parseQuery('ruche miel OR abeille'))).toBe('OR(AND(ruche, miel), abeille)');
    expect(show(parseQuery('ruche (miel OR abeille)'))).toBe('AND(ruche, OR(miel, abeille))');
    expect(show(parseQuery('(a b) c'))).toBe('AND(a, b, c)');
  });

  it('reads -term and lower-case keywords', () => {
    expect(show(parseQuery('ruche -frelon -author:spam'))).toBe('AND(ruche, NOT(frelon), NOT(author:spam))');
    expect(show(parseQuery('ruche and miel or not'))).toBe('AND(ruche, and, miel, or, not)');
  });

  it('reads phrases in straight, typographic and French quotes', () => {
    expect(show(parseQuery('"grève générale"'))).toBe('"greve generale"');
    expect(show(parseQuery('“grève générale”'))).toBe('"greve generale"');
    expect(show(parseQuery('« grève générale »'))).toBe('"greve generale"');
  });

  it('turns hyphenated and elided words into phrases of their parts', () => {
    expect(show(parseQuery('coca-cola'))).toBe('"coca cola"');
    expect(show(parseQuery("L'Oréal"))).toBe('"l oreal"');
  });

  it('reads NEAR in either case, with words, phrases or a bracketed OR on each side', () => {
    expect(show(parseQuery('airbus NEAR/5 "retard de livraison"'))).toBe('NEAR5(airbu, "retard de livraison")');
    expect(show(parseQuery('(grève OR greve) near/3 sncf'))).toBe('NEAR3(OR(greve, greve), sncf)');
    expect(show(parseQuery('NOT a NEAR/2 b c'))).toBe('AND(NOT(NEAR2(a, b)), c)');
  });

  it('reads hashtags, mentions, wildcards and fields', () => {
    expect(show(parseQuery('#RucheDay @Ruche_App produit* lang:FR author:@Bob site:www.Exemple.fr'))).toBe(
      'AND(#rucheday, @ruche_app, produit*, lang:fr, author:bob, site:exemple.fr)',
    );
    expect(show(parseQuery('@user@mastodon.social'))).toBe('@user@mastodon.social');
  });

  it('gives the positive terms as written, for highlighting', () => {
    expect(queryTerms(parseQuery('(Oréal OR "L\'Oréal Paris") NEAR/4 shampo* #beauté @loreal -scandale lang:fr'))).toEqual([
      'Oréal',
      "L'Oréal Paris",
      'shampo*',
      '#beauté',
      '@loreal',
    ]);
  });

  it.each([
    ['', 'empty', 1, 0],
    ['   ', 'empty', 1, 0],
    ['ruche )', 'unmatched_paren', 7, 1],
    ['(ruche OR miel', 'unclosed_paren', 1, 1],
    ['ruche (', 'unclosed_paren', 7, 1],
    ['ruche ( AND miel)', 'dangling_operator', 9, 3],
    ['ruche "miel', 'unclosed_quote', 7, 5],
    ['ruche ""', 'empty_phrase', 7, 2],
    ['ruche ()', 'unexpected_token', 8, 1],
    ['ruche ”', 'unexpected_token', 7, 1],
    ['ruche 🐝', 'unexpected_token', 7, 2],
    ['pro*duit', 'unexpected_token', 4, 1],
    ['AND ruche', 'dangling_operator', 1, 3],
    ['ruche OR', 'dangling_operator', 7, 2],
    ['ruche OR OR miel', 'dangling_operator', 7, 2],
    ['ruche NOT', 'dangling_operator', 7, 3],
    ['ruche - miel', 'dangling_operator', 7, 1],
    ['ruche NEAR/3', 'dangling_operator', 7, 6],
    ['ruche NEAR/0 miel', 'bad_near', 7, 6],
    ['ruche NEAR/51 miel', 'bad_near', 7, 7],
    ['ruche NEAR miel', 'bad_near', 7, 4],
    ['ruche NEAR/3 #miel', 'bad_near', 14, 5],
    ['(a b) NEAR/3 miel', 'bad_near', 1, 5],
    ['a NEAR/3 b NEAR/3 c', 'bad_near', 12, 6],
    ['ruche foo:bar', 'unknown_field', 7, 4],
    ['ruche lang:français', 'bad_field_value', 12, 8],
    ['ruche site:', 'bad_field_value', 12, 0],
    ['pr*', 'short_wildcard', 1, 3],
    ['lang:fr', 'only_negative', 1, 7],
    ['NOT ruche', 'only_negative', 1, 9],
    ['-author:bob lang:fr', 'only_negative', 1, 19],
    ['ruche OR -frelon', 'only_negative', 10, 7],
  ])('refuses %j with %s at column %i', (query, code, column, length) => {
    const error = failure(query);
    expect({ code: error.code, column: error.column, length: error.length }).toEqual({ code, column, length });
    expect(error.message).toContain(`column ${column}`);
    expect(error.params).toMatchObject({ column, length });
  });

  it('gives the figures a translated message needs as params', () => {
    expect(failure('a NEAR/99 b').params).toMatchObject({ min: 1, max: 50 });
    expect(failure('pr*').params).toMatchObject({ min: 3 });
    expect(failure('x foo:y').params).toMatchObject({ field: 'foo' });
  });

  it('refuses a query over 2,000 characters, pointing after the limit', () => {
    const error = failure('ruche '.repeat(400));
    expect(error.code).toBe('too_long');
    expect(error.column).toBe(2001);
    expect(error.params.max).toBe(2000);
  });

  it('refuses nesting over 20 levels, at the bracket that goes too deep', () => {
    expect(show(parseQuery(`${'('.repeat(20)}ruche${')'.repeat(20)}`))).toBe('ruche');
    const error = failure(`${'('.repeat(21)}ruche${')'.repeat(21)}`);
    expect([error.code, error.column]).toEqual(['too_deep', 21]);
    expect(failure(`ruche ${'NOT '.repeat(21)}miel`).code).toBe('too_deep');
  });

  it('stays within the stack on a long flat query', () => {
    const query = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' OR ');
    const tree = parseQuery(query.slice(0, 2000).replace(/ OR w?\d*$/, ''));
    expect(tree.type).toBe('or');
  });
});
