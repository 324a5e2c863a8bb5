/**
 * No Pinterest server can run here: the contract runs against test/connectors/pinterest-fake.ts, an HTTP server on
 * 127.0.0.1 that follows Pinterest's documented API v5. It proves our side. Every pin carries the test image.
 */
import { connectorContract } from '../../src/connectors/contract.js';
import { PINTEREST_CAPABILITIES } from '../../src/connectors/pinterest/index.js';
import { pinterestContractNetwork, pinterestSkips } from './pinterest-harness.js';

connectorContract('pinterest', () => pinterestContractNetwork(), PINTEREST_CAPABILITIES, pinterestSkips);
