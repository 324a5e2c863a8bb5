import { startRuche } from '../../src/app.js';

// The inbox benchmark's server: Ruche's api role in a process of its own, so the load does not share its event loop.
// It answers 'cpu' with the CPU time it has used, so that the benchmark can say what each request cost the server
// whatever else the machine was doing.
const ruche = await startRuche();
process.send?.({ url: ruche.url });
process.on('message', (m) => {
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
  }
});
process.on('SIGTERM', () => void ruche.stop().then(() => process.exit(0)));
