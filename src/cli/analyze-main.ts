import { runAnalyze } from './analyze.js';
import { ANALYZE_USAGE } from './analyze-usage.js';

// Entry of the bundle `npm run analyze` runs (scripts/analyze.mjs): the command alone, without the admin ones.
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(ANALYZE_USAGE);
} else {
  // Someone who typed the command alone at a terminal would otherwise face a silent wait for input.
  if (process.stdin.isTTY) process.stderr.write('Reading JSON lines from standard input (Ctrl-D ends); --help says more.\n');
  await runAnalyze(process.stdin, process.stdout);
}
