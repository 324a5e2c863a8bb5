import { useEffect, useState } from 'react';
import { listeningApi, type QueryCheck } from './api.js';

const DEBOUNCE_MS = 350;

/**
 * The server's reading of a query as it is typed, asked once the typing pauses; an answer that arrives after a
 * newer question is dropped. Null while nothing was checked yet (or the field is empty).
 */
export function useQueryCheck(wid: string, query: string): { check: QueryCheck | null; checking: boolean } {
  const [check, setCheck] = useState<QueryCheck | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    if (!query.trim()) {
      setCheck(null);
      setChecking(false);
      return;
    }
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      listeningApi
        .checkQuery(wid, query)
        .then((answer) => live && setCheck(answer))
        .catch(() => live && setCheck(null)) // the save still checks the query and says what is wrong
        .finally(() => live && setChecking(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wid, query]);

  return { check, checking };
}
