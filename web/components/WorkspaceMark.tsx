/** A workspace's logo, or the first letter of its name in a hexagon when it has none. Decorative: its name is next to it. */
export function WorkspaceMark({ name, logoUrl, size = 'small' }: { name: string; logoUrl: string | null; size?: 'small' | 'large' }) {
  if (logoUrl) return <img className={`workspace-logo workspace-logo-${size}`} src={logoUrl} alt="" />;
  return (
    <span className={`switcher-hex workspace-hex-${size}`} aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
