/** The variables a saved reply may hold, filled in for a sample author so the page can preview them. */
export const VARIABLES = ['author', 'first_name', 'brand'] as const;

export interface Sample {
  handle: string;
  displayName: string;
  brand: string;
}

export function fillVariables(body: string, s: Sample): string {
  const first = s.displayName.trim().split(/\s+/)[0] || s.handle;
  const values: Record<string, string> = { author: `@${s.handle}`, first_name: first, brand: s.brand };
  return body.replace(/\{(author|first_name|brand)\}/g, (_, name: string) => values[name]);
}

/** Names in braces that are not variables: most likely a typo the author wants to see. */
export function unknownVariables(body: string): string[] {
  return [...new Set([...body.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1]).filter((n) => !(VARIABLES as readonly string[]).includes(n)))];
}
