import type { Connector, ConnectorDeps } from '../../connectors/types.js';

/** Builds connectors by network name. Tests and benchmarks swap in their own (a fast local network). */
export interface ConnectorFactory {
  create(network: string, deps: ConnectorDeps): Connector;
}
