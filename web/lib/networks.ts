export { NETWORK_IDS, networkName, type NetworkKey } from '../../src/shared/networks.js';
