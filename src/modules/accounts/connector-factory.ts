import type { Connector, ConnectorDeps, NetworkId, PublishPacing } from '../../connectors/types.js';

/** Builds connectors by network name. Tests and benchmarks swap in their own (a fast local network). */
export interface ConnectorFactory {
  create(network: string, deps: ConnectorDeps): Connector;
  /** The network's write budget, when it is not the one the network declares (tests: a budget of a few posts). */
  pacing?(network: NetworkId): PublishPacing | undefined;
}
