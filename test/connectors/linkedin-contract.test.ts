/**
 * No LinkedIn server can run here: the contract runs against test/connectors/linkedin-fake.ts, an HTTP server on
 * 127.0.0.1 that follows LinkedIn's documented Community Management API (version 202611). It proves our side.
 */
import { connectorContract } from '../../src/connectors/contract.js';
import { LINKEDIN_CAPABILITIES } from '../../src/connectors/linkedin/index.js';
import { linkedinContractNetwork } from './linkedin-harness.js';

connectorContract('linkedin', () => linkedinContractNetwork(), LINKEDIN_CAPABILITIES, {
  languages: 'LinkedIn posts carry no language',
});
