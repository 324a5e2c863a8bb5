/**
 * Webhook payload signature (Meta "Webhooks: Getting Started", Validating payloads): X-Hub-Signature-256 is
 * `sha256=` + hex HMAC-SHA256 of the raw request body keyed with the app secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signPayload(rawBody: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Constant-time comparison of the header with the expected signature of the raw body. */
export function verifySignature(rawBody: Uint8Array | string, header: string | null | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const expected = Buffer.from(signPayload(rawBody, appSecret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
