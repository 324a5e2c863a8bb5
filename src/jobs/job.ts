import type { Selectable } from 'kysely';
import type { JobTable } from '../store/schema.js';

export type JobStatus = JobTable['status'];
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

/** A job as the rest of the code sees it: camelCase, JSON decoded. */
export interface Job {
  id: string;
  type: string;
  payload: unknown;
  payloadVersion: number;
  workspaceId: string | null;
  status: JobStatus;
  runAt: number;
  priority: number;
  attempts: number;
  maxAttempts: number;
  idempotencyKey: string | null;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastError: string | null;
  progress: JobProgress | null;
  result: unknown;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export type JobRow = Selectable<JobTable>;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    type: row.type,
    payload: parseJson(row.payload),
    payloadVersion: Number(row.payload_version),
    workspaceId: row.workspace_id,
    status: row.status,
    runAt: Number(row.run_at),
    priority: Number(row.priority),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    idempotencyKey: row.idempotency_key,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    lastError: row.last_error,
    progress: parseJson(row.progress) as JobProgress | null,
    result: parseJson(row.result),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}
