import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createAnalyzer } from '../analysis/analyzer.js';
import { BANK_FILE } from '../analysis/models.js';
import type { Analysis, Lang } from '../analysis/types.js';

interface Input {
  id: string | number;
  text: string;
  lang?: string;
}
type Refusal = (json: unknown) => string;

const BATCH = 256;

/**
 * `ruche analyze`: JSON lines in (`{"id", "text", "lang"?}`), one JSON line out per input, in order. A line that
 * is not valid gets `{"id", "error"}` and the run goes on. Streams: memory does not grow with the input.
 */
export async function runAnalyze(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const analyzer = await createAnalyzer({ fasttext: 'background', bankFile: BANK_FILE });
  // The input schema (zod) is only needed to say why a line is refused: importing it would take a third of the
  // start, so it is loaded at the first refused line (see `accepted`).
  let refuse: Refusal | undefined;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let pending: string[] = [];
  let idle: NodeJS.Immediate | null = null;
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    if (!output.write(chunk)) await once(output, 'drain');
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    // fastText loads while the first lines are read; a line whose language is for it to tell waits for it.
    const waiting = analyzer.settle?.(textOf(line));
    if (waiting) await waiting;
    if (!refuse && !accepted(parse(line))) refuse = (await import('./analyze-input.js')).refusal;
    pending.push(`${JSON.stringify(analyzeLine(line, analyzer.analyze, refuse))}\n`);
    if (pending.length >= BATCH) await flush();
    // Lines already read are answered in batches; once the input has nothing more for now, what is ready goes out,
    // so a caller writing one line at a time gets each answer without closing the input.
    else idle ??= setImmediate(() => {
      idle = null;
      void flush();
    });
  }
  if (idle) clearImmediate(idle);
  await flush();
}

function textOf(line: string): string {
  return accepted(parse(line))?.text ?? '';
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * A line of exactly the shape InputLine (analyze-input.ts) accepts, checked without zod: the answer is the same
 * as the schema's for every line, only a refused line needs the schema to say why.
 */
function accepted(json: unknown): Input | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { id, text, lang } = json as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  if (typeof text !== 'string' || text.length > 100_000) return undefined;
  if (lang !== undefined && typeof lang !== 'string') return undefined;
  return { id, text, lang };
}

export function analyzeLine(line: string, analyze: (text: string, opts: { lang?: Lang }) => Analysis, refuse?: Refusal): Record<string, unknown> {
  const json = parse(line);
  if (json === undefined) return { id: null, error: 'not valid JSON: each line must be an object such as {"id": 1, "text": "…", "lang": "fr"}' };
  const input = accepted(json);
  if (!input) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : null;
    return { id: id ?? null, error: refuse?.(json) || 'line: not a valid input line' };
  }
  const { id, text, lang } = input;
  const hint: Lang | undefined = lang === undefined ? undefined : lang === 'fr' || lang === 'en' ? lang : 'other';
  try {
    const a = analyze(text, { lang: hint });
    return {
      id,
      lang: a.lang,
      sentiment: { label: a.sentiment.label, score: a.sentiment.score },
      toxicity: a.toxicity,
      complaint: a.complaint,
      keywords: a.keywords,
      hashtags: a.hashtags,
      mentions: a.mentions,
      links: a.links,
      reasons: a.reasons,
    };
  } catch (err) {
    return { id, error: err instanceof Error ? err.message : String(err) };
  }
}
