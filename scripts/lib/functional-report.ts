import type { Analysis } from '../../src/analysis/types.js';
import { SUITES, scoreSuite } from '../../test/analysis/suites/index.js';

/** Per-kind accuracy of every functional suite, printed as a table; with `verbose`, the texts each kind got wrong. */
export function functionalReport(analyze: (text: string) => Analysis, verbose = false, only?: string): void {
  const rows: Record<string, unknown>[] = [];
  for (const suite of SUITES) {
    if (only && !suite.name.includes(only)) continue;
    const { kinds, balanced } = scoreSuite(suite, analyze);
    rows.push({ suite: suite.name, kind: '(balanced accuracy)', expect: '', cases: suite.cases.length, accuracy: Math.round(balanced * 1000) / 1000 });
    for (const k of kinds) {
      rows.push({ suite: '', kind: k.kind, expect: k.expect ? 'yes' : 'no', cases: k.total, accuracy: Math.round(k.accuracy * 1000) / 1000 });
      if (verbose) for (const f of k.failures.slice(0, 12)) rows.push({ suite: '', kind: `  ✗ ${f}`, expect: '', cases: '', accuracy: '' });
    }
  }
  console.table(rows);
}
