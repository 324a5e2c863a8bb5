import type { Dashboard, ObjectiveProgress, PostPerformance, ReportSectionId } from '../analytics/types.js';

/** An objective as a report prints it: what was aimed at and where it stands. */
export interface ReportObjective {
  id: string;
  name: string;
  metric: string;
  network: string | null;
  comparison: 'at_least' | 'at_most';
  target: number;
  relative: boolean;
  progress: ObjectiveProgress;
}

/** One workspace's part of a report (an agency report has several). */
export interface ReportWorkspace {
  workspaceId: string;
  name: string;
  timezone: string;
  /** The logo's bytes when it is a PNG or JPEG (what a PDF embeds). */
  logo: Uint8Array | null;
  dashboard: Dashboard;
  /** The same period's figures compared with the same dates a year before (their changePct), for the key figures. */
  yearOverYear: Dashboard | null;
  objectives: ReportObjective[];
  /** Every post published in the period, for the spreadsheets; the top and flop posts when not gathered. */
  posts?: PostPerformance[];
  /** Top posts' images by post id, fetched and checked to be PNG or JPEG; missing ones are drawn without. */
  images: Map<string, Uint8Array>;
}

export interface ReportData {
  id: string;
  title: string;
  locale: 'en' | 'fr';
  period: 'month' | 'quarter' | 'custom';
  periodStart: number;
  periodEnd: number;
  sections: ReportSectionId[];
  texts: Partial<Record<string, string>>;
  brandColor: string;
  generatedAt: number;
  workspaces: ReportWorkspace[];
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

/** PDF embeds only PNG and JPEG: anything else (WebP, GIF, a lie) is left out rather than crash the document. */
export function embeddableImage(bytes: Uint8Array): boolean {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  return bytes.length > 8 && (starts(PNG) || starts(JPEG));
}
