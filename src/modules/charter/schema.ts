import { z } from '@hono/zod-openapi';
import { WorkspaceParams } from '../../http/route.js';
import { RULES } from '../../shared/charter/findings.js';
import { SEVERITIES } from '../../shared/charter/charter.js';
import { LOCALES } from './locale.js';

const Person = z.object({ id: z.string(), name: z.string() });

export const CharterView = z
  .object({
    charter: z.record(z.string(), z.unknown()).openapi({ description: 'The charter, every field filled in (see Charter in src/shared/charter/charter.ts)' }),
    version: z.number().int().openapi({ description: '0 while the workspace has not written its charter' }),
    updatedAt: z.string().nullable(),
    updatedBy: Person.nullable(),
  })
  .openapi('CharterView');

export const CharterPut = z.strictObject({
  // Checked against the shared Charter schema in the handler, so that a bad charter is told in zod's own words.
  charter: z.unknown().openapi({ description: 'The whole charter; fields left out take their defaults' }),
  baseVersion: z.number().int().min(0).openapi({ description: 'The version the editor started from; another answers 409' }),
});

export const VersionParams = WorkspaceParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });

export const VersionList = z.object({
  items: z.array(z.object({ version: z.number().int(), updatedAt: z.string(), updatedBy: Person.nullable() })),
});

export const CheckBody = z.strictObject({
  text: z.string().max(20_000),
  kind: z.enum(['post', 'reply', 'saved_reply']),
  network: z.string().min(1).max(40).nullable().optional(),
  campaignId: z.string().min(1).max(64).nullable().optional(),
  media: z.strictObject({ count: z.number().int().min(0).max(50), withAltText: z.number().int().min(0).max(50) }).optional(),
  language: z.enum(['fr', 'en']).nullable().optional(),
  writerFirstName: z.string().max(80).nullable().optional().openapi({ description: "For a signature with {first_name}; the caller's own first name when left out" }),
  locale: z.enum(LOCALES).optional().openapi({ description: 'The language of the messages; else Accept-Language, else English' }),
});

export const FindingView = z
  .object({
    rule: z.enum(RULES),
    severity: z.enum(SEVERITIES),
    needsLegalReview: z.boolean(),
    start: z.number().int(),
    end: z.number().int(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    reason: z.string(),
    fix: z.object({ kind: z.string(), edits: z.array(z.object({ start: z.number(), end: z.number(), replacement: z.string() })) }).nullable(),
    message: z.string(),
  })
  .openapi('CharterFinding');

export const CheckAnswer = z
  .object({
    findings: z.array(FindingView),
    blocked: z.boolean(),
    needsLegalReview: z.boolean(),
    language: z.enum(['fr', 'en']).nullable(),
    version: z.number().int().openapi({ description: 'The charter version checked against' }),
  })
  .openapi('CharterCheck');

/** Where in a post a finding is: the main text (accountId null) or an account's variant, or a follow-up of the thread. */
const Place = z.object({ accountId: z.string().nullable(), network: z.string().nullable(), thread: z.number().int().nullable() });

export const ViolationsQuery = z.object({ locale: z.enum(LOCALES).optional() });

export const ViolationsAnswer = z
  .object({
    version: z.number().int(),
    savedReplies: z.array(z.object({ id: z.string(), title: z.string(), findings: z.array(FindingView) })),
    posts: z.array(
      z.object({
        id: z.string(),
        status: z.string(),
        scheduledAt: z.string().nullable(),
        excerpt: z.string(),
        network: z.string().nullable(),
        findings: z.array(FindingView.extend({ place: Place })),
      }),
    ),
  })
  .openapi('CharterViolations');
