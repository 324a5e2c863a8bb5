/**
 * What each network lets an account do to what others wrote, as its connector declares (the same capabilities the
 * server checks in src/modules/moderation/network-actions.ts): Bluesky hides a reply through the post's threadgate,
 * blocks and mutes; Mastodon blocks, mutes and reports; Facebook and Instagram hide and delete comments on their
 * posts. The limits modules are pure and browser-safe, unlike src/connectors/index.ts.
 */
import type { Capability } from '../../../src/connectors/types.js';
import { BLUESKY_CAPABILITIES } from '../../../src/connectors/bluesky/limits.js';
import { FACEBOOK_CAPABILITIES } from '../../../src/connectors/facebook/limits.js';
import { INSTAGRAM_CAPABILITIES } from '../../../src/connectors/instagram/limits.js';
import { LINKEDIN_CAPABILITIES } from '../../../src/connectors/linkedin/limits.js';
import { MASTODON_CAPABILITIES } from '../../../src/connectors/mastodon/limits.js';
import { PINTEREST_CAPABILITIES } from '../../../src/connectors/pinterest/limits.js';
import { X_CAPABILITIES } from '../../../src/connectors/x/limits.js';
import { YOUTUBE_CAPABILITIES } from '../../../src/connectors/youtube/limits.js';
import type { ModerationAction } from './api.js';

const CAPABILITIES: Record<string, ReadonlySet<Capability>> = {
  bluesky: BLUESKY_CAPABILITIES, facebook: FACEBOOK_CAPABILITIES, instagram: INSTAGRAM_CAPABILITIES, linkedin: LINKEDIN_CAPABILITIES,
  mastodon: MASTODON_CAPABILITIES, pinterest: PINTEREST_CAPABILITIES, x: X_CAPABILITIES, youtube: YOUTUBE_CAPABILITIES,
};

/** The capability each action needs, as the server maps them. */
export const ACTION_CAPABILITY: Record<ModerationAction, Capability> = {
  hide: 'hideComment', unhide: 'hideComment', delete: 'deleteComment', block: 'blockAuthor', unblock: 'blockAuthor',
  mute: 'muteAuthor', unmute: 'muteAuthor', report: 'reportComment',
};

/** Whether the network allows the action at all (hiding also needs the item to be a reply). */
export const networkAllows = (network: string, action: ModerationAction): boolean =>
  CAPABILITIES[network]?.has(ACTION_CAPABILITY[action]) ?? false;
