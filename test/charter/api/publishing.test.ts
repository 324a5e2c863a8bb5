/**
 * The charter in publishing: a draft is always saved, but a post whose text breaks the charter is not submitted,
 * scheduled or published; a term sent to legal review adds one approval by a member who keeps the charter, which
 * the approver sees the reason of; an edit after approval is checked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, type TestRuche } from '../../helpers/ruche.js';
import type { TestClient } from '../../helpers/client.js';
import { LocalNetwork } from '../../helpers/local-network.js';
import { startPublishingTeam } from '../../helpers/publishing-team.js';
import { history, inSeconds } from '../../helpers/publishing.js';

const LEGAL = 'Une garantie nous engage : le service juridique relit.';

describe.each(databases)('the charter in publishing on %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let account: string;
  let creator: TestClient;
  let strategist: TestClient;
  let client: TestClient;
  let version = 0;

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  const setCharter = async (charter: unknown) => {
    const res = await owner.request('PUT', `/api/v1/workspaces/${ws}/charter`, { charter, baseVersion: version });
    expect(res.status).toBe(200);
    version = res.body.version;
  };
  const forbid = (terms: string[]) =>
    setCharter({ vocabulary: { forbidden: [...terms.map((term) => ({ term })), { term: 'garanti', action: 'legal_review', reason: LEGAL }] } });
  const draft = async (body: string, scheduledAt: string | null = null) => {
    const res = await creator.post(posts(), { body, accountIds: [account], scheduledAt });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    ({ ruche, owner, ws, account, creator, strategist, client } = await startPublishingTeam(kind, network));
    await forbid(['gratuit']);
  });
  afterAll(() => ruche?.stop());

  it('saves a draft that breaks the charter, but neither submits, schedules nor publishes it', async () => {
    const post = await draft('Livraison gratuit ce week-end', inSeconds(3600));
    const refused = await creator.request('POST', posts(`/${post.id}/submit`), {}, { 'accept-language': 'fr-FR' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('charter_blocked');
    expect(refused.body.error.message).toBe('La charte éditoriale bloque ce message\u00a0: La charte interdit «\u00a0gratuit\u00a0».');
    expect(refused.body.error.findings).toEqual([
      expect.objectContaining({ rule: 'vocabulary.forbidden', severity: 'blocking', start: 10, end: 17, place: { accountId: null, network: 'bluesky', thread: null } }),
    ]);
    expect((await owner.get(posts(`/${post.id}`))).body.status).toBe('draft');
    expect(await history(owner, ws, post.id)).not.toContain('submitted');

    // Fixed, it goes through; the charter then changes under the approved post, which can no longer go out.
    const fixed = await creator.patch(posts(`/${post.id}`), { body: 'Livraison offerte ce week-end' });
    expect(fixed.status).toBe(200);
    expect((await creator.post(posts(`/${post.id}/submit`))).body.status).toBe('approved');
    await forbid(['gratuit', 'offerte']);
    for (const at of ['now', inSeconds(600)]) {
      const res = await owner.post(posts(`/${post.id}/schedule`), { at });
      expect(res.status).toBe(422);
      expect(res.body.error.findings[0]).toMatchObject({ rule: 'vocabulary.forbidden', params: { found: 'offerte' } });
      expect(res.body.error.findings[0].message).toBe('The charter forbids “offerte”.');
    }
    expect((await owner.get(posts(`/${post.id}`))).body.status).toBe('approved');
    expect(network.published().some((p) => p.text.includes('offerte'))).toBe(false);
    await forbid(['gratuit']);
    expect((await owner.post(posts(`/${post.id}/schedule`), { at: inSeconds(600) })).body.status).toBe('scheduled');
  });

  it('checks each network’s own text: a variant that breaks the charter stops the post', async () => {
    const res = await creator.post(posts(), { body: 'Livraison rapide', accountIds: [account], variants: { [account]: 'Livraison gratuit' } });
    const refused = await creator.post(posts(`/${res.body.id}/submit`));
    expect(refused.status).toBe(422);
    expect(refused.body.error.findings[0].place).toEqual({ accountId: account, network: 'bluesky', thread: null });
  });

  it('sends a term for legal review through one more approval, by a member who keeps the charter, then schedules it', async () => {
    const post = await draft('Résultat garanti dès lundi', inSeconds(3600));
    expect(post.charterReview).toEqual({ required: true, done: false, reasons: [{ term: 'garanti', reason: LEGAL }] });

    const submitted = await creator.post(posts(`/${post.id}/submit`));
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_review', approval: { required: true, currentStep: 0, missing: 1 } });
    expect(submitted.body.charterReview).toMatchObject({ required: true, done: false });
    // A client may approve posts but does not keep the charter; the writer approves nothing.
    expect((await client.get(posts(`/${post.id}`))).body.approval.canDecide).toBe(false);
    expect((await client.post(posts(`/${post.id}/decision`), { decision: 'approved' })).status).toBe(403);
    expect((await creator.post(posts(`/${post.id}/decision`), { decision: 'approved' })).status).toBe(403);

    const seen = (await strategist.get(posts(`/${post.id}`))).body;
    expect(seen.approval.canDecide).toBe(true);
    expect(seen.charterReview.reasons).toEqual([{ term: 'garanti', reason: LEGAL }]);
    const approved = await strategist.post(posts(`/${post.id}/decision`), { decision: 'approved', comment: 'Vu avec le juridique' });
    expect(approved.body).toMatchObject({ status: 'scheduled', charterReview: { required: true, done: true } });
    expect(await history(owner, ws, post.id)).toEqual(expect.arrayContaining(['submitted', 'approved', 'approval_complete']));

    // Edited once approved: checked again. A forbidden word is refused; a new text with the term goes back to legal review.
    const current = (await owner.get(posts(`/${post.id}`))).body;
    const blocked = await owner.patch(posts(`/${post.id}`), { body: 'Résultat garanti et gratuit', expectedVersion: current.version });
    expect(blocked.status).toBe(422);
    expect((await owner.get(posts(`/${post.id}`))).body).toMatchObject({ status: 'scheduled', body: 'Résultat garanti dès lundi' });
    const edited = await owner.patch(posts(`/${post.id}`), { body: 'Résultat garanti dès mardi', expectedVersion: current.version });
    expect(edited.body).toMatchObject({ status: 'in_review', charterReview: { required: true, done: false } });
    const again = await strategist.post(posts(`/${post.id}/decision`), { decision: 'approved' });
    expect(again.body.status).toBe('scheduled');
  });

  it('sends an approved post back for legal review when the charter has since added one of its terms', async () => {
    const post = await draft('Une offre exclusive pour vous', inSeconds(3600));
    expect((await creator.post(posts(`/${post.id}/submit`))).body.status).toBe('approved');
    const legal = [{ term: 'garanti', action: 'legal_review', reason: LEGAL }, { term: 'exclusif', action: 'legal_review', reason: 'Exclusif envers qui ?' }];
    await setCharter({ vocabulary: { forbidden: [{ term: 'gratuit' }, ...legal] } });
    const at = inSeconds(1800);
    const held = await owner.post(posts(`/${post.id}/schedule`), { at });
    expect(held.body).toMatchObject({ status: 'in_review', scheduledAt: at, charterReview: { required: true, done: false, reasons: [{ term: 'exclusif', reason: 'Exclusif envers qui ?' }] } });
    expect((await strategist.post(posts(`/${post.id}/decision`), { decision: 'approved' })).body).toMatchObject({ status: 'scheduled', scheduledAt: at });
    await forbid(['gratuit']);
  });

  it('lets a post without such terms skip legal review', async () => {
    const post = await draft('Résultat rapide dès lundi', inSeconds(3600));
    expect(post.charterReview).toEqual({ required: false, done: false, reasons: [] });
    expect((await creator.post(posts(`/${post.id}/submit`))).body.status).toBe('approved');
  });

  it('lists the posts not yet out that break the charter in force, after it changes', async () => {
    const waiting = await draft('Notre promo de printemps');
    const legal = await draft('Succès garanti');
    const out = await draft('Une promo déjà partie');
    await creator.post(posts(`/${out.id}/submit`));
    await owner.post(posts(`/${out.id}/schedule`), { at: 'now' });
    for (let i = 0; i < 100 && (await owner.get(posts(`/${out.id}`))).body.status !== 'published'; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await owner.get(posts(`/${out.id}`))).body.status).toBe('published');

    const before = (await strategist.get(`/api/v1/workspaces/${ws}/charter/violations`)).body;
    expect(before.posts.map((p: { id: string }) => p.id)).not.toContain(waiting.id);
    await forbid(['gratuit', 'promo']);
    const after = (await strategist.get(`/api/v1/workspaces/${ws}/charter/violations?locale=fr`)).body;
    expect(after.version).toBe(version);
    const listed = after.posts.find((p: { id: string }) => p.id === waiting.id);
    expect(listed).toMatchObject({ status: 'draft', scheduledAt: null, excerpt: 'Notre promo de printemps', network: 'bluesky' });
    expect(listed.findings).toEqual([expect.objectContaining({ rule: 'vocabulary.forbidden', message: 'La charte interdit «\u00a0promo\u00a0».' })]);
    expect(after.posts.map((p: { id: string }) => p.id)).not.toContain(out.id);
    // A term for legal review is listed until the post has been through that review.
    const withTerm = after.posts.filter((p: { findings: Array<{ rule: string }> }) => p.findings.some((f) => f.rule === 'vocabulary.legal_review'));
    expect(withTerm.map((p: { id: string }) => p.id)).toEqual([legal.id]);
  });
});
