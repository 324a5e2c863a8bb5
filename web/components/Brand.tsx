/** The brand: three honeycomb cells. Decorative next to the name, which is real text. */
export function Logo({ size = 28 }: { size?: number }) {
  const cell = 'M8 0l7 4v8l-7 4-7-4V4z';
  return (
    <svg width={size} height={size} viewBox="0 0 32 30" aria-hidden="true" focusable="false" className="logo">
      <path d={cell} transform="translate(1 0)" fill="#f2b233" />
      <path d={cell} transform="translate(16 0)" fill="#d98e04" />
      <path d={cell} transform="translate(8.5 13)" fill="#f7c95c" />
    </svg>
  );
}

export function Brand() {
  return (
    <span className="brand">
      <Logo />
      <span className="brand-name">Ruche</span>
    </span>
  );
}
