/**
 * Meta's usage headers (Graph API "Rate Limiting", v24.0): X-App-Usage and X-Page-Usage / X-Ad-Account-Usage
 * give percentages of the hourly budget used; X-Business-Use-Case-Usage gives, per business id, each use case's
 * percentages and `estimated_time_to_regain_access` in minutes once throttled.
 */
export interface UsageReading {
  /** Highest percentage of any budget used, 0–100+. */
  percent: number;
  /** Minutes until calls are allowed again, when Meta says. */
  regainMinutes: number | null;
}

function parse(value: string | null): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function readEntry(entry: unknown, acc: UsageReading): void {
  if (!entry || typeof entry !== 'object') return;
  const o = entry as Record<string, unknown>;
  for (const k of ['call_count', 'total_cputime', 'total_time', 'acc_id_util_pct']) {
    if (typeof o[k] === 'number') acc.percent = Math.max(acc.percent, o[k] as number);
  }
  const regain = o.estimated_time_to_regain_access;
  if (typeof regain === 'number' && regain > 0) acc.regainMinutes = Math.max(acc.regainMinutes ?? 0, regain);
}

export function readUsage(headers: Headers): UsageReading {
  const acc: UsageReading = { percent: 0, regainMinutes: null };
  readEntry(parse(headers.get('x-app-usage')), acc);
  readEntry(parse(headers.get('x-page-usage')), acc);
  const buc = parse(headers.get('x-business-use-case-usage'));
  if (buc && typeof buc === 'object') {
    for (const list of Object.values(buc as Record<string, unknown>)) {
      if (Array.isArray(list)) list.forEach((e) => readEntry(e, acc));
    }
  }
  return acc;
}

/** Milliseconds to wait after a throttling answer: Meta's estimate, or the hour its budgets roll over when it gives none. */
export function retryAfterFromUsage(headers: Headers): number | undefined {
  const u = readUsage(headers);
  if (u.regainMinutes !== null) return u.regainMinutes * 60_000;
  if (u.percent >= 100) return 60 * 60_000;
  return undefined;
}
