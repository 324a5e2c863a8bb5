import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../src/shared/api.js';

/** At most this many fields are named in one message: the form shows the rest once these are fixed. */
const SHOWN = 3;

function isFieldIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && typeof (value as FieldIssue).path === 'string' && typeof (value as FieldIssue).kind === 'string';
}

/** The issues a server's schema refusal lists, or none when its details are of another shape. */
export function fieldIssuesOf(details: unknown): FieldIssue[] {
  return Array.isArray(details) ? details.filter(isFieldIssue) : [];
}

/** A field's label in the reader's language from its path ("posts.0.text" is a text); "A field" when unknown. */
function fieldLabel(t: TFunction, path: string): string {
  const name = path.split('.').filter((part) => part && !/^\d+$/.test(part)).pop();
  return (name && t(`errors.fields.${name}`, { defaultValue: '' })) || t('errors.fields.unknown');
}

/** Each refused field by its label and what is wrong with it, in the reader's language. */
export function fieldIssuesText(t: TFunction, issues: FieldIssue[]): string {
  const said = issues.slice(0, SHOWN).map((issue) =>
    t(`errors.issue.${issue.kind}`, {
      field: fieldLabel(t, issue.path),
      max: issue.max,
      min: issue.min,
      defaultValue: t('errors.issue.invalid', { field: fieldLabel(t, issue.path) }),
    }),
  );
  const more = issues.length - said.length;
  return more > 0 ? `${said.join(' ')} ${t('errors.issue.more', { count: more })}` : said.join(' ');
}
