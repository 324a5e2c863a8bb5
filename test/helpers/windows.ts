/**
 * Rate limits count in fixed windows aligned on the clock. A test about a limit waits out a window's last moments
 * first, so that its attempts all fall in one window.
 */
export async function clearOfWindowEnd(windowMs: number, marginMs = 90_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 100));
}
