import { z } from 'zod';

/** One line of `ruche analyze` input. */
export const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string().max(100_000),
  lang: z.string().optional(),
});

/** Why a parsed line is refused, in the words `ruche analyze` answers with. */
export function refusal(json: unknown): string {
  const parsed = InputLine.safeParse(json);
  if (parsed.success) return '';
  const issue = parsed.error.issues[0];
  return `${issue.path.join('.') || 'line'}: ${issue.message}`;
}
