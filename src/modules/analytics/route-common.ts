export const analyticsBase = '/api/v1/workspaces/{workspaceId}/analytics';
export const tags = ['Analytics'];
