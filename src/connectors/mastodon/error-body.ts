import type { ErrorBody } from './schemas.js';

/** Longest message kept from a server: enough for any real explanation, not a dumped stack or page. */
const MAX_MESSAGE = 500;

/**
 * An error body → the words to show and a code for logs. Mastodon sends `{"error": "message"}` (OAuth adds
 * `error_description`); some compatible servers send a validation error object under `error`, or a code with
 * the validator's details beside it (`zod_error`).
 */
export function describeErrorBody(body: ErrorBody): { message: string | undefined; code: string | undefined } {
  if (typeof body.error === 'object') {
    const name = typeof body.error.name === 'string' ? body.error.name : 'validation_error';
    return { message: clip(describeObject(body.error)), code: name };
  }
  const details = body.zod_error !== undefined ? describeObject(body.zod_error) : undefined;
  const message = body.error_description ?? (details ? `${body.error}: ${details}` : body.error);
  return { message: clip(message), code: body.error };
}

interface Issue {
  path?: unknown[];
  message?: unknown;
}

function describeObject(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? value : undefined;
  const o = value as { issues?: unknown; message?: unknown; error?: unknown };
  const issues = Array.isArray(o.issues) ? o.issues : typeof o.message === 'string' ? parseIssues(o.message) : null;
  if (issues?.length) return issues.map(describeIssue).filter(Boolean).join('; ');
  if (typeof o.message === 'string') return o.message;
  if (typeof o.error === 'string') return o.error;
  return JSON.stringify(value);
}

/** Zod 4 keeps its issues as JSON text in `message`. */
function parseIssues(text: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function describeIssue(issue: unknown): string {
  if (typeof issue !== 'object' || issue === null) return String(issue);
  const { path, message } = issue as Issue;
  const where = Array.isArray(path) && path.length ? `${path.join('.')}: ` : '';
  return typeof message === 'string' ? `${where}${message}` : '';
}

const clip = (text: string | undefined) => (text && text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);
