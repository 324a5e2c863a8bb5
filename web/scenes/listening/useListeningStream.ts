import { useEventStream } from '../../lib/useEventStream.js';
import { listeningApi } from './api.js';

/**
 * Calls `onNews` with the topics the server names whenever mentions or alerts arrive, through the listening event
 * stream; if the stream cannot be kept, a poll that names none (the caller then looks at all).
 */
export function useListeningStream(wid: string, onNews: (topicIds: string[]) => void): void {
  useEventStream(listeningApi.streamUrl(wid), 'mentions', 'topicIds', onNews);
}
