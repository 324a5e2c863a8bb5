import { ConnectorError } from './errors.js';
import type { Capability, Connector } from './types.js';

type Method = Exclude<keyof Connector, 'network' | 'capabilities'>;

/** The method each capability needs; reply, thread and media ride on publish. */
export const CAPABILITY_METHOD: Record<Capability, Method | null> = {
  publish: 'publish',
  delete: 'delete',
  reply: 'publish',
  thread: 'publish',
  media: 'publish',
  readComments: 'readComments',
  readMentions: 'readMentions',
  readNotifications: 'readNotifications',
  hideComment: 'hideComment',
  deleteComment: 'deleteComment',
  reportComment: 'reportComment',
  blockAuthor: 'blockAuthor',
  muteAuthor: 'muteAuthor',
  banAuthor: 'banAuthor',
  postMetrics: 'postMetrics',
  accountMetrics: 'accountMetrics',
  readOwnPosts: 'ownPosts',
  search: 'searchPosts',
  // No connector streams public posts through this contract: listening reads network streams itself.
  stream: null,
  readInbox: 'readInbox',
  readMessages: 'readMessages',
  streamInbox: 'streamInbox',
  like: 'like',
  repost: 'repost',
};

type Bound<M extends Method> = NonNullable<Connector[M]>;

/**
 * The method behind a capability, or a `rejected` error naming what the network lacks.
 * Generic code goes through here instead of testing the network's name.
 */
export function requireCapability<M extends Method>(connector: Connector, capability: Capability, method: M): Bound<M> {
  const fn = connector[method];
  if (!connector.capabilities.has(capability) || typeof fn !== 'function') {
    throw new ConnectorError(connector.network, 'rejected', `${connector.network} does not support ${capability}.`);
  }
  return (fn as (...args: unknown[]) => unknown).bind(connector) as Bound<M>;
}

/** Declared capabilities whose method is missing: a connector bug the contract suite catches. */
export function missingMethods(connector: Connector): Capability[] {
  return [...connector.capabilities].filter((cap) => {
    const method = CAPABILITY_METHOD[cap];
    return method === null || typeof connector[method] !== 'function';
  });
}
