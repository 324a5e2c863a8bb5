import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { z } from 'zod';
import { createJobRegistry, createJobRunner, defineJob } from '../../src/jobs/index.js';
import { openStore } from '../../src/store/database.js';

// A worker process for the crash test: runs `test.effect` jobs against DB_URL / DB_SCHEMA until SIGTERM.
export const TEST_EFFECT = 'test.effect';

const env = z
  .object({ DB_URL: z.string(), DB_SCHEMA: z.string(), WORKER_ID: z.string(), LEASE_MS: z.coerce.number(), CONCURRENCY: z.coerce.number() })
  .parse(process.env);
const store = openStore({ kind: 'postgres', url: env.DB_URL, schema: env.DB_SCHEMA });

const effect = defineJob({
  type: TEST_EFFECT,
  version: 1,
  schema: z.object({ n: z.number() }),
  run: async (_payload, ctx) => {
    await sleep(20);
    // Idempotent effect; `runs` makes a second execution visible.
    await sql`insert into job_effects (job_id, runs) values (${ctx.jobId}, 1)
      on conflict (job_id) do update set runs = job_effects.runs + 1`.execute(store.db);
  },
});

const runner = createJobRunner(store, createJobRegistry([effect]), {
  workerId: env.WORKER_ID,
  leaseMs: env.LEASE_MS,
  concurrency: env.CONCURRENCY,
  pollMs: 500,
});
await runner.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void runner.stop().then(() => store.destroy()).then(() => process.exit(0));
});
