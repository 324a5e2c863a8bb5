import { startRuche } from '../../src/app.js';
import { workerSideNetwork } from './ipc-network.js';

// A worker process of the publishing benchmark: Ruche's worker role, publishing to the benchmark's network.
const ruche = await startRuche({ connectors: workerSideNetwork() });
process.send?.('ready');
process.on('SIGTERM', () => void ruche.stop().then(() => process.exit(0)));
