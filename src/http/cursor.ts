import { badRequest } from './errors.js';

/**
 * Page cursors for lists ordered by (created_at, id), newest first. Opaque to clients, so whatever they
 * send back is checked before it reaches a query: a position outside what the clock can write, or an id
 * that no row can have, is a bad cursor, not a database error.
 */
export function encodeCursor(at: number, id: string): string {
  return Buffer.from(`${at}:${id}`).toString('base64url');
}

export function decodeCursor(raw: string | undefined): { at: number; id: string } | null {
  if (!raw) return null;
  const text = Buffer.from(raw, 'base64url').toString();
  const colon = text.indexOf(':');
  const at = Number(text.slice(0, colon));
  const id = text.slice(colon + 1);
  if (colon < 1 || !/^\d{1,16}$/.test(text.slice(0, colon)) || !Number.isSafeInteger(at) || !/^[\w-]{1,64}$/.test(id)) {
    throw badRequest('invalid_cursor', 'This page cursor is not one we gave: start again from the first page.');
  }
  return { at, id };
}
