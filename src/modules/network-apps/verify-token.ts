/**
 * The Verify Token the installer types in the Meta App Dashboard (Webhooks > Edit subscription) beside the callback
 * URL; Meta sends it back when it checks the callback. META_WEBHOOK_VERIFY_TOKEN wins when set; otherwise one is
 * generated on first use and kept sealed in instance_settings, so it stays the same across restarts.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';

const KEY = 'meta_webhook_verify_token';

export function envVerifyToken(): string | null {
  const token = process.env.META_WEBHOOK_VERIFY_TOKEN?.trim();
  return token ? token : null;
}

export async function metaWebhookVerifyToken(ctx: AppContext): Promise<string> {
  return (await metaWebhookVerifyTokenWithSource(ctx)).token;
}

export async function metaWebhookVerifyTokenWithSource(ctx: AppContext): Promise<{ token: string; source: 'env' | 'settings' }> {
  const fromEnv = envVerifyToken();
  if (fromEnv) return { token: fromEnv, source: 'env' };
  const { db } = ctx.store;
  const read = async () => (await db.selectFrom('instance_settings').select('value').where('key', '=', KEY).executeTakeFirst())?.value;
  let sealed = await read();
  if (!sealed) {
    const value = ctx.sealer.seal(crypto.randomBytes(24).toString('base64url'));
    // Two first readers at once: the one that inserted first wins and the other reads its token.
    await db.insertInto('instance_settings').values({ key: KEY, value, updated_at: ctx.clock.now() })
      .onConflict((oc) => oc.column('key').doNothing()).execute();
    sealed = (await read())!;
  }
  return { token: ctx.sealer.open(sealed), source: 'settings' };
}
