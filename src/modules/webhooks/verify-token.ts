import type { AppContext } from '../../context.js';

/**
 * The Verify Token typed in the Meta App Dashboard's Webhooks settings, which Meta sends back when it checks the
 * callback URL. From META_WEBHOOK_VERIFY_TOKEN; null when unset (the callback then answers no check).
 */
export async function webhookVerifyToken(_ctx: AppContext): Promise<string | null> {
  const token = process.env.META_WEBHOOK_VERIFY_TOKEN?.trim();
  return token ? token : null;
}
