export const listeningBase = '/api/v1/workspaces/{workspaceId}/listening';
export const tags = ['Listening'];

export const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
