export type QueryErrorCode =
  | 'empty'
  | 'too_long'
  | 'too_deep'
  | 'unexpected_token'
  | 'unclosed_quote'
  | 'empty_phrase'
  | 'unclosed_paren'
  | 'unmatched_paren'
  | 'dangling_operator'
  | 'bad_near'
  | 'unknown_field'
  | 'bad_field_value'
  | 'short_wildcard'
  | 'only_negative';

export type QueryErrorParams = Record<string, string | number>;

// The English wording; the UI rebuilds its own from `code` and `params`, so every figure a message shows is a param.
const MESSAGES: Record<QueryErrorCode, (p: QueryErrorParams) => string> = {
  empty: () => 'The query is empty.',
  too_long: (p) => `The query is longer than ${p.max} characters.`,
  too_deep: (p) => `Brackets and NOT are nested more than ${p.max} levels deep.`,
  unexpected_token: (p) => `Unexpected "${p.token}".`,
  unclosed_quote: () => 'This quote is never closed.',
  empty_phrase: () => 'This phrase has no words in it.',
  unclosed_paren: () => 'This bracket is never closed.',
  unmatched_paren: () => 'This closing bracket has no opening one.',
  dangling_operator: (p) => `${p.operator} needs a term on each side.`,
  bad_near: (p) =>
    p.reason === 'distance'
      ? `NEAR takes a distance from ${p.min} to ${p.max} words, as in NEAR/5.`
      : 'Each side of NEAR must be a word, a phrase, or a bracketed OR of words and phrases.',
  unknown_field: (p) => `Unknown field "${p.field}:" (known: ${p.known}); put the text in quotes to search for it.`,
  bad_field_value: (p) => `"${p.value}" is not a valid value for ${p.field}:.`,
  short_wildcard: (p) => `A wildcard needs at least ${p.min} letters before the *.`,
  only_negative: () => 'The query needs at least one word, phrase, hashtag or mention to look for, not only exclusions and filters.',
};

/**
 * A malformed query, pointing at the span the user must fix. `column` is 1-based and counts UTF-16 code units, as
 * JavaScript strings do, so the UI can underline `query.slice(column - 1, column - 1 + length)`.
 */
export class QuerySyntaxError extends Error {
  readonly params: QueryErrorParams;

  constructor(
    readonly code: QueryErrorCode,
    readonly column: number,
    readonly length: number,
    params: QueryErrorParams = {},
  ) {
    super(`${MESSAGES[code](params)} (column ${column})`);
    this.name = 'QuerySyntaxError';
    this.params = { ...params, column, length };
  }
}

/** An error over the 0-based span [start, end) of the query. */
export function syntaxError(code: QueryErrorCode, start: number, end: number, params?: QueryErrorParams): QuerySyntaxError {
  return new QuerySyntaxError(code, start + 1, Math.max(0, end - start), params);
}
