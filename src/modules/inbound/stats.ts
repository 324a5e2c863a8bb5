/** Running totals of this process's inbound path, for logs and benchmarks: how much arrived, was stored, was set aside. */
export interface InboundStats {
  received: number;
  stored: number;
  setAside: number;
}

const totals: InboundStats = { received: 0, stored: 0, setAside: 0 };

export function countIngest(delta: InboundStats) {
  totals.received += delta.received;
  totals.stored += delta.stored;
  totals.setAside += delta.setAside;
}

export function inboundStats(): InboundStats {
  return { ...totals };
}
