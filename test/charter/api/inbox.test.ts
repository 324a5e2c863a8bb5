/**
 * The charter in the inbox: a reply that breaks it is refused before anything is queued (a thank-you's like
 * included), a saved reply that breaks it is not kept, and the saved replies written before a change are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { addMember, setupOwner, type TestClient } from '../../helpers/client.js';
import { LocalNetwork } from '../../helpers/local-network.js';
import { connectLocalAccount } from '../../helpers/publishing.js';
import { inboxPath, seedItem } from '../../inbox/seed.js';

describe.each(databases)('the charter in the inbox on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let cm: TestClient;
  let ws: string;
  let account: string;
  let version = 0;

  const setCharter = async (forbidden: string[]) => {
    const charter = { vocabulary: { forbidden: forbidden.map((term) => ({ term, reason: 'Pas de promesse.' })) } };
    const res = await owner.request('PUT', `/api/v1/workspaces/${ws}/charter`, { charter, baseVersion: version });
    expect(res.status).toBe(200);
    version = res.body.version;
  };
  const item = async (text: string) =>
    (await seedItem(ruche, ws, { text, accountId: account, kind: 'mention', language: 'fr', author: { handle: 'marie.test', displayName: 'Marie' } })).id;
  const repliesOf = async (itemId: string) => (await owner.get(inboxPath(ws, `/items/${itemId}`))).body.replies as Array<{ kind: string; body: string }>;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    const o = await setupOwner(ruche.url);
    ({ client: owner, workspaceId: ws } = o);
    account = await connectLocalAccount(ruche, ws, o.userId, 'brand');
    cm = (await addMember(owner, ws, 'cm@example.com', 'community_manager')).client;
    await setCharter(['gratuit']);
  });
  afterAll(() => ruche?.stop());

  it('refuses a reply that breaks the charter, in the writer’s language, and sends one that keeps to it', async () => {
    const itemId = await item('Le retour est-il payant ?');
    const body = 'Non, c’est gratuit.';
    const refused = await cm.request('POST', inboxPath(ws, `/items/${itemId}/replies`), { kind: 'reply', body }, { 'accept-language': 'fr' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'charter_blocked', message: 'La charte éditoriale bloque ce message\u00a0: La charte interdit «\u00a0gratuit\u00a0». Motif\u00a0: Pas de promesse.' });
    expect(refused.body.error.findings).toEqual([expect.objectContaining({ rule: 'vocabulary.forbidden', severity: 'blocking', start: body.indexOf('gratuit'), end: body.indexOf('gratuit') + 7 })]);
    expect(await repliesOf(itemId)).toEqual([]);

    const sent = await cm.post(inboxPath(ws, `/items/${itemId}/replies`), { kind: 'reply', body: 'Non, le retour vous est offert.' });
    expect(sent.status).toBe(202);
    expect((await repliesOf(itemId)).map((r) => r.body)).toEqual(['Non, le retour vous est offert.']);
  });

  it('refuses a thank-you whose words break the charter without liking the message either', async () => {
    const itemId = await item('Merci pour le colis !');
    const refused = await cm.post(inboxPath(ws, `/items/${itemId}/replies`), { kind: 'thank', body: 'Avec plaisir, la livraison était gratuit.' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('The editorial charter stops this message: The charter forbids “gratuit”. Why: Pas de promesse.');
    expect(await repliesOf(itemId)).toEqual([]);
  });

  it('keeps no saved reply that breaks the charter, and lists those written before it changed', async () => {
    const saved = (p = '') => inboxPath(ws, `/saved-replies${p}`);
    const refused = await cm.post(saved(), { title: 'Livraison', body: 'La livraison est gratuit, {first_name}.', language: 'fr' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.findings[0]).toMatchObject({ rule: 'vocabulary.forbidden', message: 'The charter forbids “gratuit”. Why: Pas de promesse.' });
    expect((await cm.get(saved())).body.items).toEqual([]);

    const kept = await cm.post(saved(), { title: 'Livraison', body: 'La livraison est offerte, {first_name}.', language: 'fr' });
    expect(kept.status).toBe(201);
    const edit = await cm.patch(saved(`/${kept.body.id}`), { body: 'La livraison est gratuit.' });
    expect(edit.status).toBe(422);
    expect((await cm.patch(saved(`/${kept.body.id}`), { title: 'Livraison offerte' })).status).toBe(200);
    expect((await cm.get(saved())).body.items).toEqual([expect.objectContaining({ title: 'Livraison offerte', body: 'La livraison est offerte, {first_name}.' })]);

    const violations = () => cm.get(`/api/v1/workspaces/${ws}/charter/violations`);
    expect((await violations()).body.savedReplies).toEqual([]);
    await setCharter(['gratuit', 'offerte']);
    const listed = (await violations()).body;
    expect(listed.version).toBe(version);
    expect(listed.savedReplies).toEqual([
      { id: kept.body.id, title: 'Livraison offerte', findings: [expect.objectContaining({ rule: 'vocabulary.forbidden', params: { found: 'offerte', term: 'offerte' } })] },
    ]);

    // The saved reply now breaks the charter: sent with a thank-you, it is refused, like and all.
    const itemId = await item('Bien reçu, merci');
    const thank = await cm.post(inboxPath(ws, `/items/${itemId}/replies`), { kind: 'thank', savedReplyId: kept.body.id });
    expect(thank.status).toBe(422);
    expect(await repliesOf(itemId)).toEqual([]);
  });
});
