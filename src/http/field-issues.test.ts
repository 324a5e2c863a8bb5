import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssues } from './field-issues.js';

const Form = z.object({
  name: z.string().min(1).max(5),
  email: z.email(),
  url: z.url(),
  count: z.number().int().max(3),
  kind: z.enum(['a', 'b']),
  tags: z.array(z.string()).max(1),
  password: z.string().min(10),
});

function issuesOf(input: unknown) {
  const parsed = Form.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return Object.fromEntries(fieldIssues(parsed.error).map(({ path, message: _message, ...rest }) => [path, rest]));
}

describe('fieldIssues', () => {
  it('says what is wrong with each field by kind, with its limit', () => {
    expect(issuesOf({ name: 'toolong', email: 'x', url: 'y', count: 4, kind: 'c', tags: ['a', 'b'], password: 'short' })).toEqual({
      name: { kind: 'too_long', max: 5 },
      email: { kind: 'not_email' },
      url: { kind: 'not_url' },
      count: { kind: 'too_big', max: 3 },
      kind: { kind: 'not_one_of' },
      tags: { kind: 'too_many', max: 1 },
      password: { kind: 'too_short', min: 10 },
    });
  });

  it('tells a missing or empty value as required, and a fraction where a whole number goes', () => {
    const issues = issuesOf({ name: '', count: 1.5 });
    expect(issues.name).toEqual({ kind: 'required' });
    expect(issues.email).toEqual({ kind: 'required' });
    expect(issues.count).toEqual({ kind: 'not_whole_number' });
  });

  it('keeps the schema’s English message for API clients', () => {
    const parsed = Form.safeParse({});
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldIssues(parsed.error)[0]).toMatchObject({ path: 'name', message: expect.stringMatching(/expected string/) });
  });
});
