/** What `npm run analyze -- --help` prints: the input and output of the command, in a few lines. */
export const ANALYZE_USAGE = `usage: npm run -s analyze < comments.jsonl > analysed.jsonl

Reads JSON lines from standard input, one text per line:
  {"id": 1, "text": "Merci pour votre aide !", "lang": "fr"}
"id" (string or number) and "text" are required; "lang" ("fr" or "en") is optional and otherwise detected.
Writes one JSON line per input line, in the same order: language, sentiment, toxicity by category, complaint,
keywords, hashtags, mentions, links and the reasons behind the scores. A line that cannot be read gets
{"id", "error"} and the run goes on.
`;
