/**
 * Page webhook subscriptions in the Meta fake, as Graph API v24.0 "Page Subscribed Apps" (/{page-id}/subscribed_apps)
 * and "Webhooks for Pages" describe them: a Page access token of someone with the CREATE_CONTENT, MANAGE or MODERATE
 * task, with `pages_manage_metadata`, else (#200); POST `subscribed_fields` (a comma list of Page fields) sets the
 * app's fields on the Page and answers {success: true}; GET lists the subscribed apps with their fields; DELETE
 * removes the app. The `messages` field also needs `pages_messaging` (Messenger Platform "Webhooks").
 * Meta delivers a Page's notifications only for fields subscribed there (and at the app level); Instagram's, for
 * an account whose linked Page has any subscription (Instagram Platform "Webhooks", Facebook Login setup).
 */
import { GraphError, type Handler, type MetaFake } from './meta-fake.js';
import type { WebhookPayload } from './meta-fake-webhooks.js';

/** Page fields the fake accepts (a subset of the Page webhook fields Meta lists). */
const PAGE_FIELDS = new Set(['feed', 'messages', 'mention', 'messaging_postbacks', 'message_reactions', 'message_echoes', 'ratings', 'name', 'picture']);
const TASKS = ['CREATE_CONTENT', 'MANAGE', 'MODERATE'];

export function subscriptionRoutes(fake: MetaFake): Handler {
  const s = fake.state;
  return (req) => {
    const [id, edge] = req.parts;
    if (edge !== 'subscribed_apps') return null;
    const page = s.pages.get(id);
    if (!page || req.page?.id !== page.id) return null;
    if (!page.tasks.some((t) => TASKS.includes(t))) {
      throw new GraphError(403, '(#200) The user must be an administrator, editor, or moderator of the page in order to impersonate it.', 200);
    }
    if (!page.permissions.has('pages_manage_metadata')) throw new GraphError(403, '(#200) Requires pages_manage_metadata permission to manage the object', 200);
    if (req.method === 'GET') {
      const fields = s.subscriptions.get(page.id);
      const apps = fields ? [{ category: 'Business', link: `https://www.facebook.com/games/?app_id=${fake.app.id}`, name: fake.app.name, id: fake.app.id, subscribed_fields: fields }] : [];
      return fake.paged(apps, req.query, `${page.id}/subscribed_apps`);
    }
    if (req.method === 'DELETE') {
      s.subscriptions.delete(page.id);
      return { success: true };
    }
    if (req.method !== 'POST') return null;
    const raw = req.body.get('subscribed_fields') ?? req.query.get('subscribed_fields');
    if (!raw) throw new GraphError(400, '(#100) The parameter subscribed_fields is required', 100);
    const fields = raw.split(',').map((f) => f.trim()).filter(Boolean);
    const bad = fields.findIndex((f) => !PAGE_FIELDS.has(f));
    if (bad >= 0) throw new GraphError(400, `(#100) Param subscribed_fields[${bad}] must be one of {${[...PAGE_FIELDS].join(', ').toUpperCase()}} - got "${fields[bad]}".`, 100);
    if (fields.includes('messages') && !page.permissions.has('pages_messaging')) {
      throw new GraphError(403, '(#200) To subscribe to the messages field, one of these permissions is needed: pages_messaging', 200);
    }
    s.subscriptions.set(page.id, [...new Set(fields)]);
    return { success: true };
  };
}

/** Whether Meta would send this payload: each entry's Page subscribed the field, or the Instagram account's Page subscribed at all. */
export function wouldDeliver(fake: MetaFake, payload: WebhookPayload): boolean {
  const s = fake.state;
  return payload.entry.every((e) => {
    const id = String(e.id);
    if (payload.object === 'instagram') {
      const ig = s.igUsers.get(id);
      return Boolean(ig && s.subscriptions.get(ig.pageId)?.length);
    }
    const fields = s.subscriptions.get(id) ?? [];
    const changes = (e.changes as { field: string }[] | undefined) ?? [];
    const wanted = [...changes.map((c) => c.field), ...(e.messaging ? ['messages'] : [])];
    return wanted.length > 0 && wanted.every((f) => fields.includes(f));
  });
}
