/**
 * No X server can run here: the contract runs against test/connectors/x-fake.ts, an HTTP server on 127.0.0.1
 * that follows X API v2 as documented on docs.x.com. It proves our side of the protocol, not X's.
 */
import { connectorContract } from '../contract.js';
import { xContractNetwork } from '../../../test/connectors/x-harness.js';
import { X_CAPABILITIES } from './limits.js';

connectorContract('x on the X API v2 fake', () => xContractNetwork(), X_CAPABILITIES, { languages: 'X stores no language given with a post: it detects one itself' });
