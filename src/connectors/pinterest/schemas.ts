import { z } from 'zod';

export const PinterestCredentials = z.object({
  network: z.literal('pinterest'),
  apiBase: z.string().url(),
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable().default(null),
  expiresAt: z.number().nullable().default(null),
  refreshExpiresAt: z.number().nullable().default(null),
  username: z.string(),
  /** The board pins go to when the post names none. */
  boardId: z.string(),
});
export type PinterestCredentials = z.infer<typeof PinterestCredentials>;

export const Pin = z.object({
  id: z.string(),
  created_at: z.string(),
  board_id: z.string(),
  title: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
});
export type Pin = z.infer<typeof Pin>;
export const PinList = z.object({ items: z.array(Pin), bookmark: z.string().nullable().optional() });
export const Board = z.object({ id: z.string(), name: z.string(), privacy: z.string().optional() });
export const BoardList = z.object({ items: z.array(Board), bookmark: z.string().nullable().optional() });
export const UserAccount = z.object({ username: z.string(), follower_count: z.number().optional(), business_name: z.string().nullable().optional() });
export const TokenAnswer = z.object({
  access_token: z.string(), refresh_token: z.string().optional(), expires_in: z.number(), refresh_token_expires_in: z.number().optional(),
  scope: z.string().optional(),
});
