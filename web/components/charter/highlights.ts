/** The text cut into plain and marked runs for the highlight layer. No React. */
import type { Severity } from '../../../src/shared/charter/charter.js';
import type { Finding } from '../../../src/shared/charter/findings.js';

export interface Run {
  text: string;
  /** The most serious finding over this run; null for plain text. */
  severity: Severity | null;
}

const RANK: Record<Severity, number> = { blocking: 3, warning: 2, suggestion: 1 };

/** Non-overlapping runs covering the whole text; where findings overlap, the most serious one shows. */
export function highlightRuns(text: string, findings: readonly Pick<Finding, 'start' | 'end' | 'severity'>[]): Run[] {
  const spans = findings.filter((f) => f.end > f.start && f.start < text.length);
  if (spans.length === 0) return [{ text, severity: null }];
  const cuts = [...new Set([0, text.length, ...spans.flatMap((f) => [f.start, Math.min(f.end, text.length)])])].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    let severity: Severity | null = null;
    for (const f of spans) {
      if (f.start <= from && f.end >= to && (!severity || RANK[f.severity] > RANK[severity])) severity = f.severity;
    }
    const last = runs[runs.length - 1];
    if (last && last.severity === severity) last.text += text.slice(from, to);
    else runs.push({ text: text.slice(from, to), severity });
  }
  return runs;
}
