import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../../../src/connectors/index.js';
import { engagementsOf } from './network-capabilities.js';

describe('light answers by network', () => {
  it('follow what every connector declares', () => {
    for (const [network, info] of Object.entries(NETWORKS)) {
      expect({ network, offered: engagementsOf(network) }).toEqual({ network, offered: (['like', 'repost'] as const).filter((c) => info.capabilities.has(c)) });
    }
  });

  it('offer no like or repost on Facebook and Instagram, whose APIs have none, and keep them on Bluesky and Mastodon', () => {
    expect(engagementsOf('instagram')).toEqual([]);
    expect(engagementsOf('facebook')).toEqual([]);
    expect(engagementsOf('bluesky')).toEqual(['like', 'repost']);
    expect(engagementsOf('mastodon')).toEqual(['like', 'repost']);
    expect(engagementsOf('elsewhere')).toEqual([]);
  });
});
