/**
 * What each network lets an account do to what others wrote, as its connector declares (the same capabilities the
 * server checks in src/modules/moderation/network-actions.ts): Bluesky hides a reply through the post's threadgate,
 * blocks and mutes; Mastodon blocks, mutes and reports; Facebook and Instagram hide and delete comments on their
 * posts. The limits modules are pure and browser-safe, unlike src/connectors/index.ts.
 */
import type { Capability } from '../../../src/connectors/types.js';
import type { ModerationAction } from './api.js';
import { networkCan } from './network-capabilities.js';

/** The capability each action needs, as the server maps them. */
export const ACTION_CAPABILITY: Record<ModerationAction, Capability> = {
  hide: 'hideComment', unhide: 'hideComment', delete: 'deleteComment', block: 'blockAuthor', unblock: 'blockAuthor',
  mute: 'muteAuthor', unmute: 'muteAuthor', report: 'reportComment',
};

/** Whether the network allows the action at all (hiding also needs the item to be a reply). */
export const networkAllows = (network: string, action: ModerationAction): boolean => networkCan(network, ACTION_CAPABILITY[action]);
