import { useMemo } from 'react';
import { checkMessage } from '../../../src/shared/charter/check.js';
import type { CheckInput, CheckResult } from '../../../src/shared/charter/findings.js';
import { useCharter } from './charterSource.js';

/**
 * The charter's findings on a message, computed in the browser on every change (the checker keeps its compiled
 * charter, so a keystroke costs little). Null while the charter is read, or when there is nothing to check.
 */
export function useCharterCheck(wid: string, input: CheckInput | null): CheckResult | null {
  const charter = useCharter(wid);
  const key = input ? JSON.stringify(input) : '';
  return useMemo(() => (charter && input ? checkMessage(charter, input) : null), [charter, key]);
}

/** Several messages at once (one per network a post goes to), with the same charter. */
export function useCharterChecks(wid: string, inputs: readonly CheckInput[]): CheckResult[] | null {
  const charter = useCharter(wid);
  const key = JSON.stringify(inputs);
  return useMemo(() => (charter ? inputs.map((input) => checkMessage(charter, input)) : null), [charter, key]);
}
