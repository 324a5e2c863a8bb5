import { startRuche } from '../../src/app.js';
import { httpNetworkConnectors } from './http-network.js';

// A worker process of the publishing benchmark: Ruche's worker role, talking to the benchmark's network.
const ruche = await startRuche({ connectors: httpNetworkConnectors(process.env.BENCH_NETWORK_URL!) });
process.send?.('ready');
process.on('SIGTERM', () => void ruche.stop().then(() => process.exit(0)));
