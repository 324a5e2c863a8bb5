import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, fr } from './bundles.js';

/** Every error code the server can answer with, read from where it makes them. */
function serverErrorCodes(): Set<string> {
  const codes = new Set<string>();
  const made = /(?:badRequest|conflict|errorBody|new AppError)\(\s*'([a-z_]+)'/g;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(made)) codes.add(m[1]!);
      }
    }
  };
  walk('src');
  // Made by the helpers of src/http/errors.ts rather than by a literal code at the call.
  for (const code of ['not_found', 'forbidden', 'unauthenticated', 'rate_limited']) codes.add(code);
  return codes;
}

describe('server error codes', () => {
  const codes = serverErrorCodes();

  it('are found in the server’s sources', () => {
    expect(codes.size).toBeGreaterThan(80);
    expect(codes).toContain('validation_failed');
    expect(codes).toContain('invalid_query');
  });

  it('each have a text in English and in French', () => {
    const missing = (texts: { errors: Record<string, unknown> }) =>
      [...codes].filter((code) => { const text = texts.errors[code]; return typeof text !== 'string' || !text.trim(); }).sort();
    expect(missing(en), 'English').toEqual([]);
    expect(missing(fr), 'French').toEqual([]);
  });
});
