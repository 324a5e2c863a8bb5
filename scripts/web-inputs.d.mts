export const STAMP_FILE: string;
export function fingerprint(root: string, files: readonly string[]): string;
export function readStamp(outDir: string): { files: string[]; fingerprint: string } | null;
