import fs from 'node:fs';
import pg from 'pg';

// Linux counts a process's CPU time in clock ticks of 10 ms (USER_HZ is 100 on every architecture Node runs on).
const TICK_MS = 10;

/** CPU time (user + system) a running process has used so far, in ms; null when it is gone or not on Linux. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** CPU time of the database's server processes for the connections named `applicationName`, in ms. */
export async function databaseCpuMs(url: string, applicationName: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [applicationName]);
    const each = rows.map((r) => cpuMsOf(r.pid));
    return each.some((ms) => ms === null) && each.every((ms) => ms === null) ? null : each.reduce<number>((a, b) => a + (b ?? 0), 0);
  } finally {
    await client.end();
  }
}
