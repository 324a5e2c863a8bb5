import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../lib/errors.js';

/**
 * Why a connection did not happen, for the person who typed its address: a server that cannot be reached is named
 * (the address they typed, or bsky.social they left implied) with what to check, rather than the guard's general
 * sentence or "try again", which would not help with a typo.
 */
export function connectError(t: TFunction, caught: unknown, address: string): string {
  if (caught instanceof ApiError && (caught.code === 'blocked_address' || caught.code === 'network_unavailable')) {
    return t('accounts.unreachable', { address: hostOf(address) });
  }
  return errorMessage(t, caught);
}

function hostOf(address: string): string {
  try {
    return new URL(/^https?:\/\//i.test(address) ? address : `https://${address}`).host || address;
  } catch {
    return address;
  }
}

/** The connect forms of the accounts page: an error shown by one is cleared when the user turns to another. */
export type ConnectForm = 'oauth' | 'bluesky' | 'mastodon';
