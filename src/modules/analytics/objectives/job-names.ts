export const OBJECTIVES_CHECK = 'analytics.objectives_check';
