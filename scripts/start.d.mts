export const DEFAULT_HEAP_MB: number;
export function heapFlags(env: Record<string, string | undefined>): string[] | { error: string };
