import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import type { ReportTable } from '../../store/analytics-schema.js';
import { computeDashboard, readerFor } from '../analytics/dashboard.js';
import { drillDown } from '../analytics/drill-down.js';
import { evaluateObjective } from '../analytics/objectives/evaluate.js';
import { REPORT_SECTIONS, type Dashboard, type Period, type PostPerformance, type ReportSectionId } from '../analytics/types.js';
import { readMediaFile } from '../media/storage.js';
import { embeddableImage, type ReportData, type ReportObjective, type ReportWorkspace } from './report-data.js';

export type ReportRow = Selectable<ReportTable>;

/** Images of top posts: small and quick, or not at all. */
const IMAGE_LIMITS = { maxBytes: 3 * 1024 * 1024, timeoutMs: 8_000, maxRedirects: 3 };
/** The posts table of the spreadsheets stops here; a month of even a busy brand stays far below. */
const MAX_POSTS = 5_000;

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const reportWorkspaceIds = (r: Pick<ReportRow, 'workspace_id' | 'workspace_ids'>): string[] => {
  const ids = parseJson<string[]>(r.workspace_ids, []).filter((x) => typeof x === 'string');
  return ids.length > 0 ? ids : [r.workspace_id];
};

export const reportSections = (text: string): ReportSectionId[] =>
  parseJson<string[]>(text, []).filter((s): s is ReportSectionId => (REPORT_SECTIONS as readonly string[]).includes(s));

/** A post's image through the guarded client; anything odd (private address, too big, slow, not PNG/JPEG) is skipped. */
async function fetchImage(ctx: AppContext, url: string): Promise<Uint8Array | null> {
  try {
    const res = await ctx.guardedFetch(url, { headers: { accept: 'image/png,image/jpeg' } }, IMAGE_LIMITS);
    if (!res.ok) {
      await res.body?.cancel();
      return null;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    return embeddableImage(bytes) ? bytes : null;
  } catch (err) {
    ctx.log.debug({ url, reason: (err as Error).message }, 'report image skipped');
    return null;
  }
}

async function periodPosts(ctx: AppContext, workspaceId: string, period: Period): Promise<PostPerformance[]> {
  const r = await readerFor(ctx.store, workspaceId, ctx.clock.now());
  const posts: PostPerformance[] = [];
  let cursor: string | undefined;
  do {
    const page = await drillDown(r, { workspaceId }, period, { sort: 'published_at', order: 'asc', limit: 500, cursor });
    posts.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && posts.length < MAX_POSTS);
  return posts.slice(0, MAX_POSTS);
}

async function objectivesIn(ctx: AppContext, workspaceId: string, period: Period): Promise<ReportObjective[]> {
  const rows = await ctx.store.db.selectFrom('analytics_objectives').selectAll()
    .where('workspace_id', '=', workspaceId).where('archived_at', 'is', null)
    .where('period_start', '<', period.end).where('period_end', '>', period.start)
    .orderBy('period_end').orderBy('name').execute();
  if (rows.length === 0) return [];
  const r = await readerFor(ctx.store, workspaceId, ctx.clock.now());
  return Promise.all(rows.map(async (o) => ({
    id: o.id, name: o.name, metric: o.metric, network: o.network, comparison: o.comparison, target: Number(o.target),
    relative: Number(o.relative) === 1, progress: await evaluateObjective(r, o),
  })));
}

async function logoOf(ctx: AppContext, key: string | null): Promise<Uint8Array | null> {
  if (!key) return null;
  try {
    const bytes = await readMediaFile(ctx.config.dataDir, key);
    return embeddableImage(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

export interface GatherOptions {
  /** Called as each workspace is done, for the job's progress. */
  onWorkspace?: (done: number, total: number) => Promise<void>;
}

/**
 * Everything a report prints, for each of its workspaces: the dashboard against the previous period and against
 * the same dates a year before, the objectives running in the period with their progress, the brand, every post of
 * the period and the top posts' images. The sections decide what is worth computing.
 */
export async function gatherReport(ctx: AppContext, report: ReportRow, options: GatherOptions = {}): Promise<ReportData> {
  const sections = reportSections(report.sections);
  const period: Period = { start: Number(report.period_start), end: Number(report.period_end) };
  const ids = reportWorkspaceIds(report);
  const workspaces: ReportWorkspace[] = [];
  const wantsYear = sections.includes('key_figures');
  const wantsImages = sections.includes('top_posts');
  for (const [i, id] of ids.entries()) {
    const ws = await ctx.store.db.selectFrom('workspaces').select(['id', 'name', 'timezone', 'logo_key']).where('id', '=', id).executeTakeFirst();
    if (!ws) continue;
    const scope = { workspaceId: id };
    const [dashboard, yearOverYear, objectives, posts, logo]: [Dashboard, Dashboard | null, ReportObjective[], PostPerformance[], Uint8Array | null] = await Promise.all([
      computeDashboard(ctx, scope, period, 'previous'),
      wantsYear ? computeDashboard(ctx, scope, period, 'year_before') : Promise.resolve(null),
      sections.includes('objectives') ? objectivesIn(ctx, id, period) : Promise.resolve([]),
      periodPosts(ctx, id, period),
      logoOf(ctx, ws.logo_key),
    ]);
    const images = new Map<string, Uint8Array>();
    if (wantsImages) {
      await Promise.all(dashboard.topPosts.slice(0, 5).map(async (p) => {
        const bytes = p.imageUrl ? await fetchImage(ctx, p.imageUrl) : null;
        if (bytes) images.set(p.id, bytes);
      }));
    }
    workspaces.push({ workspaceId: id, name: ws.name, timezone: dashboard.timezone, logo, dashboard, yearOverYear, objectives, posts, images });
    await options.onWorkspace?.(i + 1, ids.length);
  }
  return {
    id: report.id, title: report.title, locale: report.locale === 'fr' ? 'fr' : 'en', period: report.period,
    periodStart: period.start, periodEnd: period.end, sections, texts: parseJson<Record<string, string>>(report.texts, {}),
    brandColor: /^#[0-9a-f]{6}$/i.test(report.brand_color) ? report.brand_color : '#2b6cb0', generatedAt: ctx.clock.now(), workspaces,
  };
}
