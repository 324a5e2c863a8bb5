const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The browser origins a cookie-authenticated write may come from. With PUBLIC_URL set, only its own.
 * Without it, Ruche named itself after its loopback listener, and a new user may as well open
 * 127.0.0.1 or [::1] as localhost: those are the same server on the same port, which no other site
 * can claim (a rebound DNS name sends its own name as Origin), so they are accepted too.
 */
export function allowedOrigins(publicUrl: string, derived: boolean): Set<string> {
  const own = new URL(publicUrl);
  const origins = new Set([own.origin]);
  if (derived && LOOPBACK_NAMES.includes(own.hostname)) {
    for (const name of LOOPBACK_NAMES) origins.add(`${own.protocol}//${name}${own.port ? `:${own.port}` : ''}`);
  }
  return origins;
}
