export const serverDir: string;
export const serverEntry: string;
export function serverUpToDate(): boolean;
export function buildServer(options?: { force?: boolean }): Promise<string>;
