import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createAnalyzer, type Analysis, type Lang } from '../analysis/index.js';

const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string().max(100_000),
  lang: z.string().optional(),
});

const BATCH = 256;

/**
 * `ruche analyze`: JSON lines in (`{"id", "text", "lang"?}`), one JSON line out per input, in order. A line that
 * is not valid gets `{"id", "error"}` and the run goes on. Streams: memory does not grow with the input.
 */
export async function runAnalyze(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const analyzer = await createAnalyzer();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    if (!output.write(chunk)) await once(output, 'drain');
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    pending.push(`${JSON.stringify(analyzeLine(line, analyzer.analyze))}\n`);
    if (pending.length >= BATCH) await flush();
  }
  await flush();
}

export function analyzeLine(line: string, analyze: (text: string, opts: { lang?: Lang }) => Analysis): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: null, error: 'not valid JSON' };
  }
  const parsed = InputLine.safeParse(json);
  if (!parsed.success) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : null;
    const issue = parsed.error.issues[0];
    return { id: id ?? null, error: `${issue.path.join('.') || 'line'}: ${issue.message}` };
  }
  const { id, text, lang } = parsed.data;
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
