import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { startTicketsServer, ticketsFlow } from './tickets-flow.js';

const TIMEOUT = 120_000;

describe('tickets (English)', () => {
  const suite = browserSuite(startTicketsServer, TIMEOUT);

  it('sends a complaint to a department, gets its answer by e-mail, and closes the ticket after the public answer', async () => {
    await ticketsFlow(suite.browser, suite.server, 'en', { owner: 'Olga Owner', workspace: 'Hive' });
  }, TIMEOUT);
});
