/**
 * What each network's connector declares it can do, for the inbox's buttons: the same sets the server checks before
 * it queues anything. The limits modules are pure and browser-safe, unlike src/connectors/index.ts.
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

const CAPABILITIES: Record<string, ReadonlySet<Capability>> = {
  bluesky: BLUESKY_CAPABILITIES, facebook: FACEBOOK_CAPABILITIES, instagram: INSTAGRAM_CAPABILITIES, linkedin: LINKEDIN_CAPABILITIES,
  mastodon: MASTODON_CAPABILITIES, pinterest: PINTEREST_CAPABILITIES, x: X_CAPABILITIES, youtube: YOUTUBE_CAPABILITIES,
};

/** Whether the network's connector declares the capability; an unknown network can do nothing. */
export const networkCan = (network: string, capability: Capability): boolean => CAPABILITIES[network]?.has(capability) ?? false;

/** The light answers to an item the network allows, in the order the inbox shows them. */
export const engagementsOf = (network: string): Array<'like' | 'repost'> =>
  (['like', 'repost'] as const).filter((c) => networkCan(network, c));
