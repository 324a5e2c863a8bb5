import type { ZodError } from 'zod';
import type { FieldIssue } from '../shared/api.js';

type Issue = ZodError['issues'][number];

const FORMATS: Record<string, FieldIssue['kind']> = {
  email: 'not_email',
  url: 'not_url',
  datetime: 'not_date',
  date: 'not_date',
  time: 'not_date',
};

function bound(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
}

function kindOf(issue: Issue): Pick<FieldIssue, 'kind' | 'max' | 'min'> {
  switch (issue.code) {
    case 'invalid_type':
      // zod keeps no input in its issues: its sentence is the one place that tells a missing value.
      if (/received undefined/.test(issue.message)) return { kind: 'required' };
      if (issue.expected === 'int') return { kind: 'not_whole_number' };
      if (issue.expected === 'number') return { kind: 'not_number' };
      return { kind: 'invalid' };
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin === 'string') return { kind: 'too_long', max };
      if (issue.origin === 'array' || issue.origin === 'set') return { kind: 'too_many', max };
      if (issue.origin === 'date') return { kind: 'invalid' };
      return { kind: 'too_big', max };
    }
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin === 'string') return min === 1 ? { kind: 'required' } : { kind: 'too_short', min };
      if (issue.origin === 'array' || issue.origin === 'set') return { kind: 'too_few', min };
      if (issue.origin === 'date') return { kind: 'invalid' };
      return { kind: 'too_small', min };
    }
    case 'invalid_format':
      return { kind: FORMATS[issue.format] ?? 'bad_format' };
    case 'invalid_value':
      return { kind: 'not_one_of' };
    default:
      return { kind: 'invalid' };
  }
}

export function fieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const { kind, max, min } = kindOf(issue);
    const out: FieldIssue = { path: issue.path.join('.'), message: issue.message, kind };
    if (max !== undefined) out.max = max;
    if (min !== undefined) out.min = min;
    return out;
  });
}
