/**
 * Rule patterns are regular expressions written by members and run on every arriving item, by JavaScript's
 * backtracking engine: a pattern that can take exponential time would stall the worker. Refused here: long
 * patterns, backreferences, and quantified groups that hold a quantifier or an alternation ("(a+)+", "(a|a)*"),
 * the shapes behind catastrophic backtracking.
 */
export const MAX_PATTERN_LENGTH = 200;

export type PatternCheck = { ok: true; regex: RegExp } | { ok: false; error: string };

export function checkPattern(pattern: string): PatternCheck {
  if (pattern.length === 0) return { ok: false, error: 'The pattern is empty.' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, error: `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.` };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'iu');
  } catch (err) {
    return { ok: false, error: `The pattern is not a valid regular expression: ${(err as Error).message}` };
  }
  const risk = riskyShape(pattern);
  return risk ? { ok: false, error: risk } : { ok: true, regex };
}

interface Group {
  quantified: boolean;
  alternation: boolean;
}

function riskyShape(p: string): string | null {
  const stack: Group[] = [{ quantified: false, alternation: false }];
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const next = p[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'Backreferences (\\1, \\k<name>) are not allowed in rule patterns.';
      i++;
      if (!inClass && isQuantifierAt(p, i + 1)) stack[stack.length - 1].quantified = true;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (isQuantifierAt(p, i + 1)) stack[stack.length - 1].quantified = true;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push({ quantified: false, alternation: false });
    else if (c === '|') stack[stack.length - 1].alternation = true;
    else if (c === ')') {
      const inner = stack.pop();
      if (!inner || stack.length === 0) return 'The pattern has an unbalanced parenthesis.';
      if (isRepeatAt(p, i + 1) && (inner.quantified || inner.alternation)) {
        return 'Nested repetition such as (a+)+ or (a|b)* can take forever to run: write it without repeating a group that repeats or has alternatives.';
      }
      const outer = stack[stack.length - 1];
      if (inner.quantified || isQuantifierAt(p, i + 1)) outer.quantified = true;
    } else if (isQuantifierAt(p, i + 1) && c !== '*' && c !== '+' && c !== '?' && c !== '}') {
      stack[stack.length - 1].quantified = true;
    }
  }
  return null;
}

/** *, + or {n,} / {n,m} with m > 1 follow position i: the preceding atom may repeat. */
function isRepeatAt(p: string, i: number): boolean {
  const c = p[i];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 1;
  return m[3] === '' || Number(m[3]) > 1;
}

function isQuantifierAt(p: string, i: number): boolean {
  return isRepeatAt(p, i) || p[i] === '?';
}
