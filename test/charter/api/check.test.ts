/**
 * The check endpoint: the findings of the charter in force, each worded in the language asked for (else the
 * browser's Accept-Language, else English), with the strategist's reason after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../../helpers/ruche.js';
import { setupOwner, type TestClient } from '../../helpers/client.js';

const REASON = 'Rien n’est gratuit chez nous.';

describe.each(databases)('charter check on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  const check = (body: unknown, headers: Record<string, string> = {}) =>
    owner.request('POST', `/api/v1/workspaces/${ws}/charter/check`, body, headers);

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
    const saved = await owner.request('PUT', `/api/v1/workspaces/${ws}/charter`, {
      baseVersion: 0,
      charter: {
        vocabulary: {
          forbidden: [{ term: 'gratuit', reason: REASON }],
          prefer: [{ use: 'client', insteadOf: ['usager'] }],
        },
        networks: { bluesky: { maxLength: 40 } },
      },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(() => ruche?.stop());

  const text = 'Ce service est gratuit pour chaque usager.';
  const byRule = (findings: Array<{ rule: string }>, rule: string) => findings.find((f) => f.rule === rule) as any;

  it('finds what breaks the charter in force, where it is, and says whether it blocks', async () => {
    const res = await check({ text, kind: 'post', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ blocked: true, needsLegalReview: false, version: 1 });
    const forbidden = byRule(res.body.findings, 'vocabulary.forbidden');
    expect(text.slice(forbidden.start, forbidden.end)).toBe('gratuit');
    expect(forbidden).toMatchObject({ severity: 'blocking', reason: REASON });
    const prefer = byRule(res.body.findings, 'vocabulary.prefer');
    expect(text.slice(prefer.start, prefer.end)).toBe('usager');
    // The length limit is the charter's for Bluesky only.
    expect(byRule(res.body.findings, 'network.length')).toBeUndefined();
    const onBluesky = await check({ text, kind: 'post', network: 'bluesky', locale: 'en' });
    expect(byRule(onBluesky.body.findings, 'network.length')).toMatchObject({ params: { count: text.length, max: 40 } });

    const clean = await check({ text: 'Ce service plaît à chaque client.', kind: 'post' });
    expect(clean.body).toMatchObject({ findings: [], blocked: false });
  });

  it('words each finding in English, with the reason after it', async () => {
    const { findings } = (await check({ text, kind: 'post', network: 'bluesky', locale: 'en' })).body;
    expect(byRule(findings, 'vocabulary.forbidden').message).toBe(`The charter forbids “gratuit”. Why: ${REASON}`);
    expect(byRule(findings, 'vocabulary.prefer').message).toBe('Write “client” rather than “usager”.');
    expect(byRule(findings, 'network.length').message).toBe(`${text.length} characters: the charter allows 40 on Bluesky.`);
  });

  it('words each finding in French with French typography', async () => {
    const { findings } = (await check({ text, kind: 'post', network: 'bluesky', locale: 'fr' })).body;
    expect(byRule(findings, 'vocabulary.forbidden').message).toBe(`La charte interdit «\u00a0gratuit\u00a0». Motif\u00a0: ${REASON}`);
    expect(byRule(findings, 'vocabulary.prefer').message).toBe('Écrivez «\u00a0client\u00a0» plutôt que «\u00a0usager\u00a0».');
    expect(byRule(findings, 'network.length').message).toBe(`${text.length} caractères\u202f; la charte en permet 40 sur Bluesky.`);
  });

  it('takes the language from Accept-Language when none is asked, English otherwise', async () => {
    const message = async (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
      byRule((await check({ text, kind: 'reply', ...body }, headers)).body.findings, 'vocabulary.prefer').message;
    expect(await message({ 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' })).toMatch(/^Écrivez/);
    expect(await message({ 'accept-language': 'de-DE,en;q=0.5,fr;q=0.7' })).toMatch(/^Écrivez/);
    expect(await message({ 'accept-language': 'en-GB,fr;q=0.4' })).toMatch(/^Write/);
    expect(await message({})).toMatch(/^Write/);
    expect(await message({ 'accept-language': 'fr' }, { locale: 'en' })).toMatch(/^Write/);
  });

  it('refuses a text it cannot check with 400', async () => {
    expect((await check({ text: 'x', kind: 'tweet' })).status).toBe(400);
    expect((await check({ text: 'x'.repeat(20_001), kind: 'post' })).status).toBe(400);
    expect((await check({ text: 'x', kind: 'post', locale: 'de' })).status).toBe(400);
  });
});
