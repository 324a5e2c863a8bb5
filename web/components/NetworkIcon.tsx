/** Small marks for the networks, drawn inline (no icon font: the content security policy keeps to our own files). */
const BLUESKY_WING =
  'M12 10.6C10.9 8.5 8 4.6 5.3 2.7 2.7.9 1.7 1.2 1.1 1.5.3 1.8.2 3 .2 3.7c0 .7.4 5.7.6 6.5.8 2.7 3.6 3.6 6.2 3.3-3.8.6-7.2 2-2.8 6.9 4.9 5 6.7-1.1 7.6-4.2.2-.6.3-1 .2-1V10.6Z';

export function NetworkIcon({ network, className = 'network-icon' }: { network: string; className?: string }) {
  if (network === 'bluesky') {
    return (
      <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="#0a66d8" d={BLUESKY_WING} />
        <path fill="#0a66d8" d={BLUESKY_WING} transform="matrix(-1 0 0 1 24 0)" />
      </svg>
    );
  }
  if (network === 'mastodon') {
    return (
      <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="#563acc" d="M4 2h16a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3h-7.5c-2.5 0-4 1.6-4.3 3.5C6.4 19 4 18 4 15.2 1.8 15 1 13.6 1 11V5a3 3 0 0 1 3-3Z" />
        <path fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" d="M6.5 13V8.6a2 2 0 0 1 4 0V11m0-2.4a2 2 0 0 1 4 0V13" />
      </svg>
    );
  }
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="#4a4336" strokeWidth="2" />
      <path fill="none" stroke="#4a4336" strokeWidth="1.6" d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20" />
    </svg>
  );
}
