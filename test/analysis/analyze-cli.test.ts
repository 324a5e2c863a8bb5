import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze.js';

describe('ruche analyze', () => {
  it('answers every JSON line in order, and an error for a malformed one without stopping', async () => {
    const input = Readable.from([
      '{"id": 1, "text": "Je vais te tuer sale connard"}\n',
      'not json\n',
      '{"id": "b", "text": 42}\n',
      '{"id": 3, "text": "ok", "lang": "fr"}\n',
      '{"id": 4, "text": "I love this, thank you so much!"}',
    ]);
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString()));
    await runAnalyze(input, output);
    const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([1, null, 'b', 3, 4]);
    expect(lines[0]).toMatchObject({ lang: 'fr', toxicity: { flagged: true }, sentiment: { label: 'negative' } });
    expect(lines[0].toxicity.categories.threat).toBeGreaterThanOrEqual(0.5);
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2].error).toMatch(/text/);
    expect(lines[3].lang).toBe('fr');
    expect(lines[4]).toMatchObject({ lang: 'en', sentiment: { label: 'positive' }, complaint: { flagged: false } });
    for (const key of ['insult', 'hate', 'threat', 'sexual', 'spam']) expect(lines[4].toxicity.categories[key]).toBeGreaterThanOrEqual(0);
  });

  it('answers a line while the input is still open, for a caller writing one line at a time', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const done = runAnalyze(input, output);
    input.write('{"id": "first", "text": "Merci pour la réponse rapide !"}\n');
    const first = await new Promise<string>((resolve) => output.once('data', (c: Buffer) => resolve(c.toString())));
    expect(JSON.parse(first.trim())).toMatchObject({ id: 'first', lang: 'fr' });
    input.end('{"id": "second", "text": "ok"}\n');
    await done;
  });

  it('runs as `npm run analyze` does: from its bundle, remade from the sources, with the shipped models', () => {
    const run = spawnSync(process.execPath, ['scripts/analyze.mjs'], {
      input: '{"id": 7, "text": "Je vais te tuer sale connard"}\n{"id": 8, "text": "I love this, thank you!"}\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([7, 8]);
    expect(lines[0]).toMatchObject({ lang: 'fr', toxicity: { flagged: true } });
    expect(lines[1]).toMatchObject({ lang: 'en', sentiment: { label: 'positive' } });
  });

  it('says what it reads and writes when asked for --help, and analyses nothing', () => {
    const run = spawnSync(process.execPath, ['scripts/analyze.mjs', '--help'], { input: '{"id": 7, "text": "ok"}\n', encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run -s analyze/);
    expect(run.stdout).toContain('"text"');
    expect(run.stdout).not.toContain('"sentiment"');
  });
});
