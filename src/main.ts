import { startRuche } from './app.js';
import { ConfigError } from './config/env.js';

// Entry point of `npm start`: the roles from ROLES (all by default), stopped cleanly on SIGINT/SIGTERM.
try {
  const ruche = await startRuche();
  const { config, log } = ruche.ctx;
  const db = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  log.info({ roles: [...config.roles], database: db }, ruche.url ? `Ruche is running on ${ruche.url}` : 'Ruche is running');
  let stopping: { signal: string; at: number } | null = null;
  const shutdown = async (signal: string) => {
    // The same signal twice at once is one request delivered twice (by the terminal to every process of the group,
    // and passed on by npm start); a later one forces the exit.
    if (stopping) {
      if (stopping.signal === signal && Date.now() - stopping.at < 1000) return;
      process.exit(1);
    }
    stopping = { signal, at: Date.now() };
    log.info({ signal }, 'stopping: draining running jobs');
    await ruche.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error('Ruche could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
}
