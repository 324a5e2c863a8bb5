/** The connector contract for Facebook Pages and Instagram, against the Graph API fake (no Meta server can run here). */
import { connectorContract } from '../../src/connectors/contract.js';
import { FACEBOOK_CAPABILITIES } from '../../src/connectors/facebook/limits.js';
import { INSTAGRAM_CAPABILITIES } from '../../src/connectors/instagram/limits.js';
import { FACEBOOK_SKIPS, INSTAGRAM_SKIPS, facebookContractNetwork, instagramContractNetwork } from './meta-harness.js';

connectorContract('facebook on the Graph API fake', facebookContractNetwork, FACEBOOK_CAPABILITIES, FACEBOOK_SKIPS);
connectorContract('instagram on the Graph API fake', instagramContractNetwork, INSTAGRAM_CAPABILITIES, INSTAGRAM_SKIPS);
