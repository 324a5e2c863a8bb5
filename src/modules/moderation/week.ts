/** ISO weeks ("2026-W49"), Monday to Monday in UTC: the highlights' periods. */
const DAY = 86_400_000;

export function weekOf(ms: number): string {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 4) + ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) * DAY) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week's first and last instant (Monday 00:00 UTC to the next Monday), or null for a malformed name. */
export function weekRange(week: string): { from: number; to: number } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > 53) return null;
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const from = monday1 + (n - 1) * 7 * DAY;
  if (weekOf(from) !== week) return null;
  return { from, to: from + 7 * DAY };
}
