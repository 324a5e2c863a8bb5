import { describe, expect, it } from 'vitest';
import { countFor } from './counters.js';
import { NETWORKS } from '../../src/connectors/index.js';

describe('composer counters', () => {
  const caption = `Spring harvest 🍯 https://shop.example/miel?utm_source=x ${'abeille '.repeat(60)}蜂蜜`;

  it('count every network as the server does, against that network\'s own limit', () => {
    for (const [network, info] of Object.entries(NETWORKS)) {
      const server = info.countText(caption);
      expect({ network, ...countFor(network, caption) }).toEqual({ network, used: server.used, max: server.max, over: server.used > server.max });
    }
  });

  it('let an Instagram caption or a Facebook post run past Bluesky\'s 300', () => {
    expect(countFor('instagram', 'a'.repeat(2200))).toEqual({ used: 2200, max: 2200, over: false });
    expect(countFor('instagram', 'a'.repeat(2201)).over).toBe(true);
    expect(countFor('facebook', 'a'.repeat(1000)).over).toBe(false);
    expect(countFor('x', '蜂'.repeat(141)).over).toBe(true);
  });
});
