/** Answers as compatible servers give them: UUID or numeric ids, epoch times, error objects. */
import { describe, expect, it } from 'vitest';
import { describeErrorBody } from './error-body.js';
import { ErrorBody, Notification, Token } from './schemas.js';

const account = { id: 7, username: 'a', acct: 'a' };

describe('mastodon schemas', () => {
  it('keeps ids as opaque strings, UUIDs and numbers alike', () => {
    const n = Notification.parse({ id: '0190f3e4-6f1d-7b8c-9a0b-1c2d3e4f5a6b', type: 'mention', created_at: '2025-01-02T03:04:05.000Z', account });
    expect(n.id).toBe('0190f3e4-6f1d-7b8c-9a0b-1c2d3e4f5a6b');
    expect(n.account.id).toBe('7');
  });

  it('reads a token’s created_at in seconds or in milliseconds as the same time', () => {
    const seconds = Token.parse({ access_token: 't', token_type: 'Bearer', created_at: 1735787045 });
    const millis = Token.parse({ access_token: 't', token_type: 'Bearer', created_at: 1735787045000 });
    expect(seconds.created_at).toBe('2025-01-02T03:04:05.000Z');
    expect(millis.created_at).toBe(seconds.created_at);
  });

  it('turns an error object, or a code with a validator’s details, into words', () => {
    const issues = [{ code: 'too_small', path: ['status'], message: 'Too small: expected string to have >=1 characters' }];
    const zod4 = ErrorBody.parse({ success: false, error: { name: 'ZodError', message: JSON.stringify(issues) } });
    expect(describeErrorBody(zod4)).toEqual({ message: 'status: Too small: expected string to have >=1 characters', code: 'ZodError' });
    const zod3 = ErrorBody.parse({ error: { issues, name: 'ZodError' } });
    expect(describeErrorBody(zod3).message).toBe('status: Too small: expected string to have >=1 characters');
    const beside = ErrorBody.parse({ error: 'invalid_request', zod_error: { issues } });
    expect(describeErrorBody(beside)).toEqual({ message: 'invalid_request: status: Too small: expected string to have >=1 characters', code: 'invalid_request' });
    expect(describeErrorBody(ErrorBody.parse({ error: 'Record not found' }))).toEqual({ message: 'Record not found', code: 'Record not found' });
  });
});
