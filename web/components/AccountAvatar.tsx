import { NetworkIcon } from './NetworkIcon.js';

// Light backgrounds only: the initial is drawn in dark ink on every one of them.
const BACKGROUNDS = ['#fde2b8', '#d6e8fb', '#dcefd9', '#f3d9ec', '#e6e0f7', '#fbe0d6', '#d9f0ee'];

function backgroundFor(handle: string): string {
  let sum = 0;
  for (const ch of handle) sum = (sum * 31 + ch.codePointAt(0)!) >>> 0;
  return BACKGROUNDS[sum % BACKGROUNDS.length];
}

/** A social account as a round initial with its network's mark; the name is given as text by the caller. */
export function AccountAvatar({ handle, network }: { handle: string; network: string }) {
  const initial = [...handle.replace(/^@/, '')][0]?.toUpperCase() ?? '?';
  return (
    <span className="account-avatar" style={{ background: backgroundFor(handle) }} aria-hidden="true">
      <span className="account-initial">{initial}</span>
      <NetworkIcon network={network} className="account-network" />
    </span>
  );
}
