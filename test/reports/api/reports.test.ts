import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { databases } from '../../helpers/ruche.js';
import { addMember, TestClient } from '../../helpers/client.js';
import type { AppContext } from '../../../src/context.js';
import { queueReport } from '../../../src/modules/reports/service.js';
import { REPORT_GENERATE } from '../../../src/modules/reports/job-names.js';
import { MARCH, reportsRuche, seedMarch, settled, type ReportsRuche } from './setup.js';

/** The test client reads answers as text; files are fetched as bytes with the same cookies. */
const cookieOf = (client: TestClient) => [...(client as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
async function download(client: TestClient, path: string) {
  const res = await fetch(client.baseUrl + path, { headers: { cookie: cookieOf(client) } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function finished(ctx: AppContext, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = await ctx.jobs.queue.get(jobId);
    if (job && ['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('the job never finished');
}

describe.each(databases)('reports through the API on %s', (kind) => {
  let r: ReportsRuche;
  let base: string;
  let reportId: string;
  let client: TestClient;

  beforeAll(async () => {
    // April 2026, 10:00 in Paris: March is over.
    r = await reportsRuche(kind, '2026-04-02T08:00:00Z');
    base = `/api/v1/workspaces/${r.ws}/reports`;
    await seedMarch(r.ruche.ctx.store.db, r.ws);
    client = (await addMember(r.owner, r.ws, 'client@example.com', 'client')).client;
  }, 60_000);
  afterAll(async () => {
    await r?.ruche.stop();
  });

  it('queues a report, shows its progress, then serves its PDF, XLSX and CSV', async () => {
    const res = await r.owner.post(base, { ...MARCH, locale: 'fr', texts: { summary: 'Un mois réussi, porté par la collection.' } });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('queued');
    expect(res.body.title).toBe('Rapport réseaux sociaux — Mars 2026');
    expect(res.body.periodStart).toBe('2026-02-28T23:00:00.000Z');
    expect(res.body.periodEnd).toBe('2026-03-31T22:00:00.000Z');
    expect(res.body.files).toEqual({ pdf: null, xlsx: null, csv: null });
    reportId = res.body.id;

    const early = await download(r.owner, `${base}/${reportId}/files/pdf`);
    expect([409, 200]).toContain(early.status);

    const { report } = await settled(r.owner, r.ws, reportId);
    expect(report.status, report.error).toBe('ready');
    expect(report.pages).toBeGreaterThan(1);
    expect(report.files.pdf).toBe('rapport-reseaux-sociaux-mars-2026-2026-03-01.pdf');
    // The workspace's background work shows the generation with its last step.
    const jobs = (await r.owner.get(`/api/v1/workspaces/${r.ws}/jobs`)).body.items;
    const job = jobs.find((j: { id: string }) => j.id === report.jobId);
    expect(job).toMatchObject({ type: 'report.generate', status: 'succeeded', progress: { done: 4, total: 4, message: 'done' } });

    const pdf = await download(r.owner, `${base}/${reportId}/files/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${report.files.pdf}"; filename*=UTF-8''${report.files.pdf}`);
    const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Un mois réussi, porté par la collection.');
    expect(text).toContain('Notre collection printemps arrive : élégance et légèreté');

    const xlsx = await download(r.owner, `${base}/${reportId}/files/xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const posts = book.getWorksheet('Publications')!;
    const header = (posts.getRow(1).values as unknown[]).slice(1);
    const rows = posts.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(3);
    const likesAt = header.indexOf('J’aime') + 1;
    expect(typeof rows[0][likesAt]).toBe('number');

    const csv = await download(r.owner, `${base}/${reportId}/files/csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csvText = csv.bytes.toString('utf8');
    expect(csvText).toContain('\'=HYPERLINK(""http://evil.example"") Friday quiz');
    expect(csvText).not.toMatch(/[;,\n]=HYPERLINK/);
  }, 120_000);

  it('makes a ready report once: a second run of its job changes nothing', async () => {
    const before = await r.ruche.ctx.store.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    const { id } = await r.ruche.ctx.jobs.queue.enqueue(REPORT_GENERATE, { reportId }, { idempotencyKey: `again:${reportId}`, workspaceId: r.ws });
    const job = await finished(r.ruche.ctx, id);
    expect(job.result).toEqual({ skipped: 'ready' });
    const after = await r.ruche.ctx.store.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('leaves a report that cannot be made failed, with the reason in words', async () => {
    // Its only workspace gone from under it, as a deleted agency workspace would be.
    const row = await queueReport(r.ruche.ctx, {
      workspaceId: r.ws, templateId: null, title: 'Orphan', locale: 'en', period: 'month', start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 3, 1),
      workspaceIds: ['gone-workspace'], sections: ['cover'], texts: {}, brandColor: '#123456', recipients: [], createdBy: r.userId,
    });
    const res = { body: { id: row.id } };
    const { report } = await settled(r.owner, r.ws, row.id);
    expect(report.status).toBe('failed');
    expect(report.error).toBe('None of the report’s workspaces exists any more.');
    expect(report.files).toEqual({ pdf: null, xlsx: null, csv: null });
    expect((await download(r.owner, `${base}/${res.body.id}/files/pdf`)).status).toBe(409);
    expect((await r.owner.post(`${base}/${res.body.id}/shares`, { expiresInDays: 7 })).status).toBe(409);
  }, 60_000);

  it('lets a client read and download but not create, share or delete', async () => {
    expect((await client.get(base)).body.items.map((x: { id: string }) => x.id)).toContain(reportId);
    expect((await download(client, `${base}/${reportId}/files/pdf`)).status).toBe(200);
    expect((await client.post(base, MARCH)).status).toBe(403);
    expect((await client.post(`${base}/${reportId}/shares`, { expiresInDays: 7 })).status).toBe(403);
    expect((await client.delete(`${base}/${reportId}`)).status).toBe(403);
    expect((await client.post(`${base}/templates`, { name: 'x', period: 'month', locale: 'en', sections: ['cover'], brandColor: '#123456' })).status).toBe(403);
  });

  it('keeps a workspace’s reports from everyone else', async () => {
    const stranger = new TestClient(r.ruche.url);
    const other = await addMember(r.owner, r.ws, 'other@example.com', 'admin');
    const made = await other.client.post('/api/v1/workspaces', { name: 'Brand B' });
    expect(made.status).toBe(201);
    const wsB = made.body.id as string;
    // A member of B alone sees neither A's list nor A's report through B.
    const outsider = (await addMember(other.client, wsB, 'outsider@example.com', 'owner')).client;
    expect((await outsider.get(base)).status).toBe(404);
    expect((await outsider.get(`${base}/${reportId}`)).status).toBe(404);
    expect((await download(outsider, `${base}/${reportId}/files/pdf`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/workspaces/${wsB}/reports/${reportId}`)).status).toBe(404);
    expect((await download(outsider, `/api/v1/workspaces/${wsB}/reports/${reportId}/files/pdf`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/workspaces/${wsB}/reports`)).body.items).toEqual([]);
    expect((await stranger.get(base)).status).toBe(401);
  });

  it('makes an agency report only of workspaces the member reads', async () => {
    const made = await r.owner.post('/api/v1/workspaces', { name: 'Brand C' });
    expect(made.status).toBe(201);
    const wsC = made.body.id as string;
    const analyst = await addMember(r.owner, r.ws, 'analyst@example.com', 'analyst');
    const refused = await analyst.client.post(base, { ...MARCH, workspaceIds: [r.ws, wsC] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('workspace_not_readable');
    expect(refused.body.error.message).toContain(wsC);
    const tpl = await analyst.client.post(`${base}/templates`, { name: 'Agency', period: 'month', locale: 'en', sections: ['cover', 'key_figures'], brandColor: '#123456', workspaceIds: [wsC] });
    expect(tpl.status).toBe(403);

    const agency = await r.owner.post(base, { ...MARCH, locale: 'en', sections: ['cover', 'key_figures'], workspaceIds: [wsC] });
    expect(agency.status).toBe(201);
    expect(agency.body.workspaceIds).toEqual([r.ws, wsC]);
    const { report } = await settled(r.owner, r.ws, agency.body.id);
    expect(report.status, report.error).toBe('ready');
    const pdf = await download(r.owner, `${base}/${agency.body.id}/files/pdf`);
    const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Brand A');
    expect(text).toContain('Brand C');
  }, 120_000);

  it('opens a share link without signing in until it is revoked or expires', async () => {
    const anyone = new TestClient(r.ruche.url);
    expect((await r.owner.post(`${base}/${reportId}/shares`, { expiresInDays: 0 })).status).toBe(400);
    expect((await r.owner.post(`${base}/${reportId}/shares`, { expiresInDays: 91 })).status).toBe(400);
    const first = await r.owner.post(`${base}/${reportId}/shares`, { expiresInDays: 7 });
    expect(first.status).toBe(201);
    const token = String(first.body.url).split('/shared/reports/')[1];
    expect(first.body.url).toBe(`${r.ruche.url}/shared/reports/${token}`);

    const meta = await anyone.get(`/api/v1/shared-reports/${token}`);
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ title: 'Rapport réseaux sociaux — Mars 2026', workspaceName: 'Brand A', timezone: 'Europe/Paris', locale: 'fr' });
    expect(Object.keys(meta.body).sort()).toEqual(['brandColor', 'createdAt', 'expiresAt', 'locale', 'pages', 'period', 'periodEnd', 'periodStart', 'timezone', 'title', 'workspaceName']);
    const pdf = await download(anyone, `/api/v1/shared-reports/${token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The token is stored hashed, and the list never shows it again.
    const rows = await r.ruche.ctx.store.db.selectFrom('report_shares').select('token_hash').execute();
    expect(rows.map((x) => x.token_hash)).not.toContain(token);
    const listed = await r.owner.get(`${base}/${reportId}/shares`);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    expect((await r.owner.delete(`${base}/${reportId}/shares/${first.body.id}`)).status).toBe(204);
    expect((await anyone.get(`/api/v1/shared-reports/${token}`)).status).toBe(404);
    expect((await download(anyone, `/api/v1/shared-reports/${token}/pdf`)).status).toBe(404);
    expect((await anyone.get(`/api/v1/shared-reports/${'x'.repeat(43)}`)).status).toBe(404);

    r.clock.t += 60_000;
    const second = await r.owner.post(`${base}/${reportId}/shares`, { expiresInDays: 1 });
    const token2 = String(second.body.url).split('/shared/reports/')[1];
    expect((await anyone.get(`/api/v1/shared-reports/${token2}`)).status).toBe(200);
    r.clock.t += 86_400_000 + 1000;
    expect((await anyone.get(`/api/v1/shared-reports/${token2}`)).status).toBe(404);
    expect((await download(anyone, `/api/v1/shared-reports/${token2}/pdf`)).status).toBe(404);
    const states = (await r.owner.get(`${base}/${reportId}/shares`)).body.items.map((s: { active: boolean; revokedAt: string | null }) => [s.active, s.revokedAt !== null]);
    expect(states).toEqual([[false, false], [false, true]]);
  });

  it('deletes a report with its files', async () => {
    expect((await r.owner.delete(`${base}/${reportId}`)).status).toBe(204);
    expect((await r.owner.get(`${base}/${reportId}`)).status).toBe(404);
    expect((await download(r.owner, `${base}/${reportId}/files/pdf`)).status).toBe(404);
  });
});
