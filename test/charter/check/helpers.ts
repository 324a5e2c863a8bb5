import { expect } from 'vitest';
import type { Charter, CharterInput } from '../../../src/shared/charter/charter.js';
import { Charter as CharterSchema } from '../../../src/shared/charter/charter.js';
import { checkMessage } from '../../../src/shared/charter/check.js';
import { applyEdits, type CheckInput, type CheckResult, type Finding, type Rule } from '../../../src/shared/charter/findings.js';

export const charter = (input: CharterInput): Charter => CharterSchema.parse(input);

export function check(c: Charter, text: string, extra: Partial<CheckInput> = {}): CheckResult {
  return checkMessage(c, { text, kind: 'reply', ...extra });
}

export function findingsOf(result: CheckResult, rule: Rule): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

/** The text each finding of `rule` points at. */
export function spansOf(text: string, result: CheckResult, rule: Rule): string[] {
  return findingsOf(result, rule).map((f) => text.slice(f.start, f.end));
}

/** The text after applying the fix of the first finding of `rule`. */
export function fixed(c: Charter, text: string, rule: Rule, extra: Partial<CheckInput> = {}): string {
  const f = findingsOf(check(c, text, extra), rule)[0];
  expect(f, `a ${rule} finding in ${JSON.stringify(text)}`).toBeDefined();
  expect(f.fix, `a fix for ${rule}`).not.toBeNull();
  return applyEdits(text, f.fix!.edits);
}

/**
 * Applies every fix found in `text`, one at a time on the original, and checks that the finding is gone (one fewer
 * finding of its rule at its text) and that no finding of a rule absent before appears.
 */
export function expectFixesHold(c: Charter, text: string, extra: Partial<CheckInput> = {}): number {
  const before = check(c, text, extra);
  let applied = 0;
  for (const f of before.findings) {
    if (!f.fix) continue;
    const edits = f.fix.edits;
    for (let k = 1; k < edits.length; k++) expect(edits[k].start, 'edits in order, not overlapping').toBeGreaterThanOrEqual(edits[k - 1].end);
    const out = applyEdits(text, edits);
    const after = check(c, out, extra);
    const count = (r: CheckResult) => r.findings.filter((x) => x.rule === f.rule && x.params.found === f.params.found).length;
    expect(count(after), `${f.rule} "${text.slice(f.start, f.end)}" fixed in ${JSON.stringify(out)}`).toBeLessThan(count(before));
    const rulesBefore = new Set(before.findings.map((x) => x.rule));
    const added = after.findings.filter((x) => !rulesBefore.has(x.rule)).map((x) => `${x.rule} ${JSON.stringify(out.slice(x.start, x.end))}`);
    expect(added, `fixing ${f.rule} in ${JSON.stringify(text)} → ${JSON.stringify(out)}`).toEqual([]);
    applied++;
  }
  return applied;
}
