import type { Severity } from '../../../src/shared/charter/charter.js';

/** A shape per severity (a stop sign, a triangle, a light bulb), so that it never rests on colour alone. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {severity === 'blocking' ? (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
          <path d="M4.5 7h7v2h-7z" fill="#fff" />
        </>
      ) : severity === 'warning' ? (
        <>
          <path d="M8 1l7.5 13.5h-15z" fill="currentColor" />
          <path d="M7.1 5.5h1.8l-.3 5h-1.2zM7.1 11.5h1.8v1.7H7.1z" fill="#fff" />
        </>
      ) : (
        <>
          <path d="M8 1a5 5 0 0 0-3 9v2h6v-2a5 5 0 0 0-3-9z" fill="currentColor" />
          <path d="M5.5 13.2h5v1.5h-5z" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
