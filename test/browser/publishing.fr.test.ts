/**
 * Publishing in French: compose, submit, and find the post in the calendar, every label in French.
 * The network is the in-memory test network (see test/helpers/local-network.ts).
 */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { browserSuite, newVisitor } from './harness.js';
import { typeWhen, ui } from './helpers.js';
import { startTestRuche } from '../helpers/ruche.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount } from '../helpers/publishing.js';

const TIMEOUT = 120_000;
const ZONE = 'Europe/Paris';

describe('publication (français)', () => {
  const network = new LocalNetwork();
  const suite = browserSuite(() => startTestRuche('sqlite', {}, { connectors: network.factory() }), TIMEOUT);

  it('rédige, envoie et retrouve la publication au calendrier', async () => {
    const { context, page } = await newVisitor(suite.browser, suite.server, 'fr-FR');
    const moi = ui(page, 'fr');
    await moi.setupOwner({ name: 'Odile Propriétaire', email: 'odile@example.com', password: 'mot de passe 1', workspace: 'Ruche FR' });
    expect(await moi.htmlLang()).toBe('fr');
    const wid = moi.workspaceId();
    const session = await moi.api('GET', '/session');
    await moi.api('PATCH', `/workspaces/${wid}`, { timezone: ZONE });
    await connectLocalAccount(suite.server, wid, session.user.id, 'marque.local');

    await moi.newPost();
    await moi.pickAccounts('marque.local');
    await moi.writeMessage('Bonjour la communauté ! #ruche');
    await moi.counter('Bluesky').getByText('Bluesky : 30 / 300').waitFor();
    await page.getByRole('figure', { name: 'Aperçu Bluesky, @marque.local' }).getByText('Bonjour la communauté !').waitFor();
    const planned = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 11, minute: 0 });
    await typeWhen(page, 'fr', `Heure prévue (${ZONE})`, planned);
    await page.getByText(/11:00 \(heure de Paris\)/).waitFor();
    // The time in words, in the zone it was typed in, said once.
    expect(await page.getByText(/11:00 \(heure de Paris\)/).textContent()).toMatch(/^Soit \p{L}+ \d+ \p{L}+ \d{4} à 11:00 \(heure de Paris\)$/u);
    await moi.button('Planifier').click();
    await moi.heading('Publication').waitFor();
    await moi.expectPostStatus('scheduled');
    await page.getByText('Odile Propriétaire a créé la publication').waitFor();

    await moi.goTo('calendar');
    await page.getByText('Les heures sont celles de l’espace : heure de Paris.').waitFor();
    await moi.calendarPost('Bonjour la communauté').getByText('Planifiée').waitFor();
    await moi.button('Liste').click();
    if (planned.month !== DateTime.now().setZone(ZONE).month) await moi.button('Suivant ›').click();
    await page.locator('.fc-list-event').filter({ hasText: 'Bonjour la communauté' }).getByText('11:00').waitFor();
    expect(await moi.button('Suspendre toutes les publications').count()).toBe(1);

    await context.close();
  }, TIMEOUT);
});
