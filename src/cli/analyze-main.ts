import { runAnalyze } from './analyze.js';

// Entry of the bundle `npm run analyze` runs (scripts/analyze.mjs): the command alone, without the admin ones.
await runAnalyze(process.stdin, process.stdout);
