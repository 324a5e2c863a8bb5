import { siBluesky, siFacebook, siInstagram, siMastodon, siPinterest, siX, siYoutube } from 'simple-icons';

interface Mark {
  path: string;
  hex: string;
}

/* LinkedIn asked Simple Icons to drop its mark; this is the path Simple Icons 13 published under CC0. */
const LINKEDIN: Mark = {
  hex: '0A66C2',
  path: 'M20.45 20.45h-3.56v-5.57c0-1.33-.02-3.04-1.85-3.04-1.85 0-2.14 1.45-2.14 2.94v5.67H9.35V9h3.41v1.56h.05c.48-.9 1.64-1.85 3.37-1.85 3.6 0 4.27 2.37 4.27 5.46v6.28ZM5.34 7.43a2.06 2.06 0 1 1 0-4.13 2.06 2.06 0 0 1 0 4.13ZM7.12 20.45H3.56V9h3.56v11.45ZM22.22 0H1.77C.79 0 0 .77 0 1.73v20.54C0 23.23.79 24 1.77 24h20.45c.98 0 1.78-.77 1.78-1.73V1.73C24 .77 23.2 0 22.22 0Z',
};

/* Named imports only, so the bundle keeps these few paths and not the whole set. */
const MARKS: Record<string, Mark> = {
  bluesky: siBluesky,
  mastodon: siMastodon,
  facebook: siFacebook,
  instagram: siInstagram,
  linkedin: LINKEDIN,
  x: siX,
  youtube: siYoutube,
  pinterest: siPinterest,
};

interface NetworkIconProps {
  network: string;
  className?: string;
  /** Given where no network name is written beside the mark: the mark then names the network itself. */
  label?: string;
}

/** A network's mark, drawn inline (no icon font: the content security policy keeps to our own files); a globe for feeds and the unknown. */
export function NetworkIcon({ network, className = 'network-icon', label }: NetworkIconProps) {
  const mark = MARKS[network];
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true as const };
  return (
    <svg className={className} viewBox="0 0 24 24" focusable="false" {...a11y}>
      {label ? <title>{label}</title> : null}
      {mark ? (
        <path fill={`#${mark.hex}`} d={mark.path} />
      ) : (
        <>
          <circle cx="12" cy="12" r="10" fill="none" stroke="#4a4336" strokeWidth="2" />
          <path fill="none" stroke="#4a4336" strokeWidth="1.6" d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20" />
        </>
      )}
    </svg>
  );
}
