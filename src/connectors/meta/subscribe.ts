/**
 * Turning on a Page's webhooks for the app (Graph API v24.0 "Page Subscribed Apps", /{page-id}/subscribed_apps, and
 * "Webhooks for Pages"): Meta sends a Page's notifications only once the Page has subscribed the app, with the Page
 * access token, which needs `pages_manage_metadata` and a CREATE_CONTENT, MANAGE or MODERATE task on the Page.
 * Notifications come for the fields subscribed at both levels, the Page's (here) and the app's (App Dashboard).
 * Instagram API with Facebook Login: the Page linked to the professional account must have Page subscriptions
 * enabled; the Instagram fields (comments, mentions, messages) themselves are chosen at the app level only.
 */
import { isConnectorError } from '../errors.js';
import type { Graph } from './graph.js';

/** Page fields Ruche handles: comments and posts on the Page (`feed`), Messenger conversations (`messages`). */
export const FACEBOOK_PAGE_FIELDS = ['feed', 'messages'] as const;
/** Any Page field enables the linked Instagram account's notifications; `feed` needs no more than Instagram asks. */
export const INSTAGRAM_PAGE_FIELDS = ['feed'] as const;

export type WebhookSubscription = { active: true; fields: string[] } | { active: false; reason: string };

interface SubscribedApp {
  id: string;
  name?: string;
  subscribed_fields?: string[];
}

/**
 * Subscribes the Page to the app for `fields`, keeping the fields it already had (a POST sets the Page's list for
 * the app, so connecting the Instagram account of a Page must not drop the Facebook fields). Never throws: a
 * refusal leaves the account working by polling, and Meta's words say why.
 */
export async function subscribePage(graph: Graph, pageId: string, appId: string, fields: readonly string[]): Promise<WebhookSubscription> {
  try {
    const now = await graph.get<{ data?: SubscribedApp[] }>(`${pageId}/subscribed_apps`);
    const had = now.data?.find((a) => a.id === appId)?.subscribed_fields ?? [];
    const wanted = [...new Set([...had, ...fields])];
    const res = await graph.post<{ success?: boolean | string }>(`${pageId}/subscribed_apps`, { subscribed_fields: wanted.join(',') }, false);
    if (res.success !== true && res.success !== 'true') return { active: false, reason: 'Meta did not confirm the subscription.' };
    return { active: true, fields: wanted };
  } catch (err) {
    if (isConnectorError(err)) return { active: false, reason: err.message };
    return { active: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The sentence kept on the account (and logged) when a Page's webhooks could not be turned on. */
export const webhooksInactive = (reason: string) =>
  `Webhooks not active, new comments and messages arrive with the next poll instead: ${reason}`;
