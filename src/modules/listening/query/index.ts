export type * from './ast.js';
export { QuerySyntaxError, type QueryErrorCode, type QueryErrorParams } from './errors.js';
export { parseQuery, MAX_DEPTH, MAX_QUERY_LENGTH } from './parser.js';
export { queryTerms } from './terms.js';
export { compileTopics, type TopicIndex, type TopicIndexStats, type TopicQuery } from './topic-index.js';
export { type MatchInput } from './post.js';
export { matchQuery } from './match-query.js';
