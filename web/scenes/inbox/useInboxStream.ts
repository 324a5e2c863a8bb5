import { useEventStream } from '../../lib/useEventStream.js';
import { inboxApi } from './api.js';

/**
 * Calls `onItems` with the ids the server names whenever items arrive or change, through the workspace's
 * server-sent event stream; if the stream cannot be kept, a poll that names none (the caller then looks at all).
 */
export function useInboxStream(wid: string, onItems: (ids: string[]) => void): void {
  useEventStream(inboxApi.streamUrl(wid), 'items', 'itemIds', onItems);
}
