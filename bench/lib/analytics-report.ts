import { DateTime } from 'luxon';
import { readEnv } from '../../src/config/env.js';
import { envToConfig } from '../../src/config/config.js';
import { createContext, destroyContext } from '../../src/context.js';
import { createObjective } from '../../src/modules/analytics/objectives/objectives.js';
import { REPORT_SECTIONS } from '../../src/modules/analytics/types.js';
import { gatherReport, type ReportRow } from '../../src/modules/reports/gather.js';
import { renderReportPdf } from '../../src/modules/reports/pdf/render.js';
import { renderReportXlsx } from '../../src/modules/reports/xlsx.js';
import { renderReportCsv } from '../../src/modules/reports/csv.js';
import { Pool } from 'undici';
import type { SeedPlan } from './analytics-plan.js';
import { call, startServer, stopServer } from './analytics-load.js';

/**
 * A monthly report's generation time, through the API: the report asked for with every section, the report job
 * (in the same process, as `npm start` runs it) gathering its data from the dashboards (against the previous month
 * and the same month a year before), the objectives and every post of the month, then drawing the PDF with its
 * charts and writing the XLSX and CSV; timed from the request until the report reads ready, a few times over, and
 * once for an agency report over every workspace. Each part of the same work is also timed alone, in-process.
 */
const RUNS = Number(process.env.BENCH_ANALYTICS_REPORT_RUNS ?? 3);

const TEXT = 'Le mois a été porté par la campagne de rentrée : les publications du matin ont le mieux marché. '.repeat(6);

function reportRow(plan: SeedPlan, workspaceIds: string[]): ReportRow {
  const ws = plan.workspaces.find((w) => w.id === workspaceIds[0])!;
  const end = DateTime.fromMillis(plan.now, { zone: ws.timezone }).startOf('month');
  return {
    id: `bench-report-${workspaceIds.length}`, workspace_id: ws.id, template_id: null, title: 'Rapport mensuel', locale: 'fr', period: 'month',
    period_start: end.minus({ months: 1 }).toMillis(), period_end: end.toMillis(), workspace_ids: JSON.stringify(workspaceIds.length > 1 ? workspaceIds : []),
    sections: JSON.stringify(REPORT_SECTIONS), texts: JSON.stringify({ summary: TEXT, analysis: TEXT, recommendations: TEXT }), brand_color: '#8a4baf',
    status: 'running', error: null, pdf_key: null, xlsx_key: null, csv_key: null, pages: null, recipients: '[]', created_by: plan.ownerId,
    created_at: plan.now, finished_at: null,
  } as ReportRow;
}

async function generate(ctx: Awaited<ReturnType<typeof createContext>>, row: ReportRow) {
  const ms = (t: number) => Math.round(performance.now() - t);
  const t0 = performance.now();
  const data = await gatherReport(ctx, row);
  const gatherMs = ms(t0);
  let t = performance.now();
  let chartsAt = 0;
  const pdf = await renderReportPdf(data, async (step) => {
    if (step === 'pdf') chartsAt = performance.now();
  });
  const chartsMs = Math.round(chartsAt - t);
  const pdfMs = ms(chartsAt);
  t = performance.now();
  const xlsx = await renderReportXlsx(data);
  const xlsxMs = ms(t);
  t = performance.now();
  const csv = renderReportCsv(data);
  const csvMs = ms(t);
  return {
    totalMs: ms(t0), gatherMs, chartsMs, pdfMs, xlsxMs, csvMs, pdfUntilReadyMs: gatherMs + chartsMs + pdfMs,
    pages: pdf.pages, pdfBytes: pdf.bytes.length, xlsxBytes: xlsx.length, csvBytes: csv.length, posts: data.workspaces.reduce((s, w) => s + (w.posts?.length ?? 0), 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Objectives a report prints, running over its month: made once, kept with the data. */
async function objectives(ctx: Awaited<ReturnType<typeof createContext>>, plan: SeedPlan, month: ReportRow) {
  const ws = plan.workspaces[0]!;
  const has = await ctx.store.db.selectFrom('analytics_objectives').select('id').where('workspace_id', '=', ws.id).executeTakeFirst();
  if (has) return;
  const iso = (t: number) => new Date(t).toISOString();
  const period = { periodStart: iso(Number(month.period_start)), periodEnd: iso(Number(month.period_end)) };
  const rows = [
    { name: 'Taux d’engagement +15 %', metric: 'engagement_rate', comparison: 'at_least', target: 15, relative: true },
    { name: 'Première réponse sous une heure', metric: 'first_response_minutes', comparison: 'at_most', target: 60 },
    { name: '500 abonnés sur Bluesky', metric: 'followers_gained', network: 'bluesky', comparison: 'at_least', target: 500 },
    { name: 'Part de voix au-dessus de 30 %', metric: 'share_of_voice', topicId: ws.topics[0]!.id, comparison: 'at_least', target: 30 },
  ] as const;
  for (const o of rows) await createObjective(ctx.store.db, ws.id, plan.ownerId, { ...o, ...period }, plan.now);
}

/** Asks for the report over HTTP and waits for it to be ready: ms from the request to ready, and its pages. */
async function throughApi(pool: Pool, cookie: string, plan: SeedPlan, row: ReportRow) {
  const ws = plan.workspaces[0]!;
  const day = (t: number) => DateTime.fromMillis(t, { zone: ws.timezone }).toISODate()!;
  const t0 = performance.now();
  const { json: report } = await call(pool, cookie, 'POST', `/api/v1/workspaces/${ws.id}/reports`, {
    title: row.title, period: 'month', from: day(Number(row.period_start)), to: day(Number(row.period_end) - 1), locale: 'fr',
    sections: JSON.parse(row.sections), texts: JSON.parse(row.texts), workspaceIds: JSON.parse(row.workspace_ids), brandColor: row.brand_color,
  });
  for (;;) {
    // While the job holds SQLite's event loop for seconds, the server may drop an idle kept-alive connection
    // just as it is reused: such a read is asked again.
    const r = await call(pool, cookie, 'GET', `/api/v1/workspaces/${ws.id}/reports/${report.id}`).then((x) => x.json, (err: Error & { code?: string }) => {
      if (err.code === 'ECONNRESET' || err.code === 'UND_ERR_SOCKET') return { status: 'unknown' };
      throw err;
    });
    if (r.status === 'failed') throw new Error(`report failed: ${r.error}`);
    if (r.status === 'ready') return { ms: Math.round(performance.now() - t0), pages: r.pages as number };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function timeReports(database: string, env: Record<string, string>, plan: SeedPlan, owner: { email: string; password: string }, log: (s: string) => void) {
  const month = reportRow(plan, [plan.workspaces[0]!.id]);
  const agencyRow = reportRow(plan, plan.workspaces.map((w) => w.id));
  // The parts, in-process, once: what the time goes to.
  const ctx = await createContext(envToConfig(readEnv({ ...env, LOG_LEVEL: 'error' })));
  let parts: Awaited<ReturnType<typeof generate>>;
  try {
    await objectives(ctx, plan, month);
    parts = await generate(ctx, month);
    log(`${database}: monthly report, each part in-process ${JSON.stringify(parts)}`);
  } finally {
    await destroyContext(ctx);
  }
  // The same through the API and the report job.
  const { child, url } = await startServer({ ...env, ROLES: 'api,worker', LOG_LEVEL: 'error' });
  const pool = new Pool(url, { connections: 2, pipelining: 1 });
  try {
    const res = await pool.request({ method: 'POST', path: '/api/v1/session', headers: { 'content-type': 'application/json', 'x-ruche-csrf': '1' }, body: JSON.stringify(owner) });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode}`);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const runs: Array<{ ms: number; pages: number }> = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await throughApi(pool, cookie, plan, month));
      log(`${database}: monthly report through the API, ready in ${runs[i]!.ms} ms (${runs[i]!.pages} pages)`);
    }
    const agency = await throughApi(pool, cookie, plan, agencyRow);
    log(`${database}: agency monthly report over ${plan.workspaces.length} workspaces, ready in ${agency.ms} ms (${agency.pages} pages)`);
    return {
      measured: true, how: 'POST /reports with every section, the report job in the same process, until GET says ready', runs: RUNS,
      monthlyMsMedian: median(runs.map((r) => r.ms)), monthlyMs: runs.map((r) => r.ms), pages: runs[0]!.pages,
      agencyMonthly: { workspaces: plan.workspaces.length, ms: agency.ms, pages: agency.pages },
      partsInProcess: parts,
    };
  } finally {
    await pool.close().catch(() => {});
    await stopServer(child);
  }
}
