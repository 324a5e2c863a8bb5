import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../../../src/connectors/index.js';
import { ACTION_CAPABILITY, networkAllows } from './network-moderation.js';
import type { ModerationAction } from './api.js';

const ACTIONS = Object.keys(ACTION_CAPABILITY) as ModerationAction[];
const allowedOn = (network: string) => ACTIONS.filter((a) => networkAllows(network, a));

describe('moderation actions by network', () => {
  it('follow what every connector declares', () => {
    for (const [network, info] of Object.entries(NETWORKS)) {
      expect({ network, allowed: allowedOn(network) }).toEqual({ network, allowed: ACTIONS.filter((a) => info.capabilities.has(ACTION_CAPABILITY[a])) });
    }
  });

  it('let Facebook and Instagram hide and delete comments, and keep Bluesky and Mastodon as they were', () => {
    expect(allowedOn('instagram')).toEqual(['hide', 'unhide', 'delete']);
    expect(allowedOn('facebook')).toEqual(['hide', 'unhide', 'delete']);
    expect(allowedOn('bluesky')).toEqual(['hide', 'unhide', 'block', 'unblock', 'mute', 'unmute']);
    expect(allowedOn('mastodon')).toEqual(['block', 'unblock', 'mute', 'unmute', 'report']);
    expect(allowedOn('elsewhere')).toEqual([]);
  });
});
