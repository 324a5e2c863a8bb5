/** The IANA time zones this browser knows, with the browser's own and UTC always present. */
export function timeZones(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  let all: string[] = [];
  try {
    all = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    all = [];
  }
  return Array.from(new Set([own, 'UTC', ...all])).sort();
}
