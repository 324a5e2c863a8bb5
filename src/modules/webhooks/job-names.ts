export const META_WEBHOOK = 'webhooks.meta';
