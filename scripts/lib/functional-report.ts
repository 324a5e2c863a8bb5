import type { Analysis } from '../../src/analysis/types.js';
import { HELDOUT } from '../../test/analysis/heldout/index.js';
import { SUITES, scoreSuite, type Suite } from '../../test/analysis/suites/index.js';

/**
 * Per-kind accuracy of every functional suite, printed as a table; with `verbose`, the texts each kind got wrong.
 * The held-out checks (test/analysis/heldout) come in a table of their own: they measure, nothing is tuned on them.
 */
export function functionalReport(analyze: (text: string) => Analysis, verbose = false, only?: string, heldoutOnly = false): void {
  if (!heldoutOnly) console.table(table(SUITES, analyze, verbose, only));
  console.log('held-out functional checks (never tuned on):');
  console.table(table(HELDOUT, analyze, verbose, only));
}

function table(suites: Suite[], analyze: (text: string) => Analysis, verbose: boolean, only?: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const suite of suites) {
    if (only && !suite.name.includes(only)) continue;
    const { kinds, balanced } = scoreSuite(suite, analyze);
    rows.push({ suite: suite.name, kind: '(balanced accuracy)', expect: '', cases: suite.cases.length, accuracy: Math.round(balanced * 1000) / 1000 });
    for (const k of kinds) {
      rows.push({ suite: '', kind: k.kind, expect: k.expect ? 'yes' : 'no', cases: k.total, accuracy: Math.round(k.accuracy * 1000) / 1000 });
      if (verbose) for (const f of k.failures.slice(0, 12)) rows.push({ suite: '', kind: `  ✗ ${f}`, expect: '', cases: '', accuracy: '' });
    }
  }
  return rows;
}
