import { afterAll, describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { passwordResetFlow } from './password-reset-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { startSmtp } from '../helpers/smtp.js';

const TIMEOUT = 180_000;

describe('a forgotten password, reset by e-mail (French)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const suite = browserSuite(async () => {
    smtp = await startSmtp();
    return startTestRuche('sqlite', { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  }, TIMEOUT);
  afterAll(() => new Promise<void>((r) => (smtp ? smtp.server.close(() => r()) : r())));

  it('sends a link from the sign-in page, sets the new password once and signs the other device out', async () => {
    await passwordResetFlow(suite.browser, suite.server, smtp.inbox, 'fr', { name: 'Odile Propriétaire', email: 'odile@exemple.fr', workspace: 'Ruche Une' });
  }, TIMEOUT);
});
