import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.js';

export interface Submit<A extends unknown[]> {
  /** True while the action runs: the submit button waits. */
  busy: boolean;
  /** Why the last run failed, in the reader's language; or a message the form set itself (a field left empty). */
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs the action once at a time; its failure becomes `error`. */
  run: (...args: A) => Promise<void>;
  /** For <form onSubmit>: runs the action with no arguments instead of reloading the page. */
  onSubmit: (event: FormEvent) => void;
}

/** The plumbing every form that saves has: one save at a time, the button busy meanwhile, the failure said. */
export function useSubmit<A extends unknown[] = []>(action: (...args: A) => Promise<void>): Submit<A> {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(
    async (...args: A) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await actionRef.current(...args);
      } catch (caught) {
        setError(errorMessage(t, caught));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  const onSubmit = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      void run(...([] as unknown as A));
    },
    [run],
  );
  return { busy, error, setError, run, onSubmit };
}
