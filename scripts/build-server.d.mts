export const serverDir: string;
export const serverEntry: string;
export function buildServer(options?: { force?: boolean }): Promise<string>;
