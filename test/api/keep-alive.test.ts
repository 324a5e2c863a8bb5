import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_MS } from '../../src/app.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';

/** One GET over the agent's kept-alive connections: the answer's Keep-Alive header and the socket it came on. */
function get(url: string, agent: http.Agent) {
  return new Promise<{ keepAlive: string | string[] | undefined; socket: unknown }>((resolve, reject) => {
    const req = http.get(`${url}/api/v1/health`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ keepAlive: res.headers['keep-alive'], socket: req.socket }));
    });
    req.on('error', reject);
  });
}

// Idle connections outlast the proxies in front of Ruche, which would otherwise reuse one as Node closes it (app.ts).
describe('kept-alive connections', () => {
  let ruche: TestRuche | null = null;
  afterEach(async () => {
    await ruche?.stop();
    ruche = null;
  });

  it('are kept longer than a proxy keeps them, say so, are reused, and do not hold the server up when it stops', async () => {
    ruche = await startTestRuche('sqlite');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await get(ruche.url, agent);
    const second = await get(ruche.url, agent);
    expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
    expect(second.socket).toBe(first.socket);
    // The idle connection is still open: stopping closes it rather than waiting a minute for it.
    await ruche.stop();
    ruche = null;
    agent.destroy();
  }, 30_000);
});
