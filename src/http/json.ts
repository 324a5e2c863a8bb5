import { z } from '@hono/zod-openapi';

/** Helpers for OpenAPI request/response declarations. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
export const jsonOk = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
export const noContent = { description: 'Done' };
export const itemsOf = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });
