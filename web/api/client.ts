/**
 * The typed client for /api/v1. Plain TypeScript, no React: every call returns the shared view types
 * or throws an ApiError carrying the server's stable error code.
 */
import type {
  ApiError as ApiErrorBody,
  AuditEventView,
  InvitationPreview,
  InvitationView,
  JobView,
  MemberView,
  OverviewView,
  Page,
  SessionView,
  SetupView,
  WeekStart,
  WorkspaceView,
} from '../../src/shared/api.js';
import type { Permission, RoleName } from '../../src/shared/permissions.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server said more, e.g. each invalid field's path and message. */
    readonly details?: unknown,
    /** What the answer's error carries beside code, message and details (charter_blocked: its findings). */
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const BASE = '/api/v1';

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** A file sent as the raw request body (media uploads), with its own content type. */
export interface RawBody {
  raw: Blob;
  type: string;
}

export interface RequestOptions {
  /**
   * POSTs carry an Idempotency-Key and are sent again, with the same key, when the answer is lost: the
   * server then replays its first answer instead of writing twice. Off for the routes before sign-in,
   * where the server keeps no keys.
   */
  idempotent?: boolean;
}

const RETRY_DELAYS_MS = [300, 1000, 3000];

/** A fresh key; crypto.randomUUID exists only on https and localhost pages, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const raw = body instanceof Object && 'raw' in body && (body as RawBody).raw instanceof Blob ? (body as RawBody) : null;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The server's CSRF guard wants this header on every mutating request.
  if (method !== 'GET') {
    headers['X-Ruche-CSRF'] = '1';
    headers['Content-Type'] = raw ? raw.type : 'application/json';
  }
  const retried = method === 'POST' && options.idempotent !== false;
  // One key for this action, the same on each of its retries.
  if (retried) headers['Idempotency-Key'] = newIdempotencyKey();
  let response: Response | null = null;
  for (let attempt = 0; ; attempt++) {
    const canRetry = retried && attempt < RETRY_DELAYS_MS.length;
    try {
      response = await fetch(BASE + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: raw ? raw.raw : body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
      });
    } catch {
      if (!canRetry) throw new ApiError(0, 'network', 'The server could not be reached.');
      await pause(RETRY_DELAYS_MS[attempt]);
      continue;
    }
    // The first try is still running on the server (its answer was lost on the way): wait for it.
    if (response.status === 409 && canRetry && (await isKeyInUse(response))) {
      await pause(RETRY_DELAYS_MS[attempt]);
      continue;
    }
    break;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      const { code, message, details, ...fields } = parsed.error as ApiErrorBody['error'] & Record<string, unknown>;
      throw new ApiError(response.status, code, message, details, fields);
    }
    throw new ApiError(response.status, `http_${response.status}`, response.statusText || 'Request failed');
  }
  return parsed as T;
}

async function isKeyInUse(response: Response): Promise<boolean> {
  const parsed: unknown = await response.clone().json().catch(() => undefined);
  return isErrorBody(parsed) && parsed.error.code === 'idempotency_key_in_use';
}

const enc = encodeURIComponent;
const ws = (wid: string) => `/workspaces/${enc(wid)}`;

export interface PermissionsView {
  roles: RoleName[];
  permissions: Permission[];
  matrix: Record<RoleName, Permission[]>;
}

export const api = {
  setup: {
    get: () => request<SetupView>('GET', '/setup'),
    createOwner: (input: { name: string; email: string; password: string; workspaceName: string; locale?: 'fr' | 'en'; timezone?: string }) =>
      request<SessionView>('POST', '/setup', input, { idempotent: false }),
  },
  session: {
    /** The session, or null when signed out: a 200 either way, so a signed-out visitor sees no failed request. */
    current: () => request<{ session: SessionView | null }>('GET', '/session/current'),
    signIn: (email: string, password: string) => request<SessionView>('POST', '/session', { email, password }, { idempotent: false }),
    signOut: () => request<void>('DELETE', '/session'),
    changePassword: (currentPassword: string, newPassword: string) =>
      request<void>('POST', '/session/password', { currentPassword, newPassword }),
  },
  passwordReset: {
    status: () => request<{ byEmail: boolean; linkMinutes: number }>('GET', '/password-reset'),
    request: (email: string, locale: 'en' | 'fr') =>
      request<{ linkMinutes: number }>('POST', '/password-reset', { email, locale }, { idempotent: false }),
    check: (token: string) => request<{ email: string; expiresAt: string }>('POST', '/password-reset/check', { token }, { idempotent: false }),
    confirm: (token: string, newPassword: string) =>
      request<SessionView>('POST', '/password-reset/confirm', { token, newPassword }, { idempotent: false }),
  },
  invitations: {
    preview: (token: string) => request<InvitationPreview>('GET', `/invitations/${enc(token)}`),
    accept: (token: string, input: { name?: string; password?: string }) =>
      request<SessionView>('POST', `/invitations/${enc(token)}/accept`, input, { idempotent: false }),
  },
  permissions: () => request<PermissionsView>('GET', '/permissions'),
  workspaces: {
    list: () => request<{ items: WorkspaceView[] }>('GET', '/workspaces'),
    create: (input: { name: string; timezone?: string; locale?: 'fr' | 'en' }) =>
      request<WorkspaceView>('POST', '/workspaces', input),
    get: (wid: string) => request<WorkspaceView>('GET', ws(wid)),
    update: (
      wid: string,
      input: { name?: string; timezone?: string; locale?: 'fr' | 'en'; weekStart?: WeekStart; clientsSeeDrafts?: boolean; clientsSeeInternalComments?: boolean; clientsSeeInbox?: boolean },
    ) =>
      request<WorkspaceView>('PATCH', ws(wid), input),
    setLogo: (wid: string, image: Blob) => request<WorkspaceView>('PUT', `${ws(wid)}/logo`, { raw: image, type: image.type || 'application/octet-stream' }),
    removeLogo: (wid: string) => request<WorkspaceView>('DELETE', `${ws(wid)}/logo`),
    overview: (wid: string) => request<OverviewView>('GET', `${ws(wid)}/overview`),
  },
  members: {
    list: (wid: string) => request<{ items: MemberView[] }>('GET', `${ws(wid)}/members`),
    setRole: (wid: string, memberId: string, role: RoleName) =>
      request<MemberView>('PATCH', `${ws(wid)}/members/${enc(memberId)}`, { role }),
    remove: (wid: string, memberId: string) => request<void>('DELETE', `${ws(wid)}/members/${enc(memberId)}`),
  },
  workspaceInvitations: {
    list: (wid: string) => request<{ items: InvitationView[] }>('GET', `${ws(wid)}/invitations`),
    create: (wid: string, email: string, role: RoleName) =>
      request<InvitationView>('POST', `${ws(wid)}/invitations`, { email, role }),
    revoke: (wid: string, id: string) => request<void>('DELETE', `${ws(wid)}/invitations/${enc(id)}`),
  },
  audit: {
    page: (wid: string, cursor?: string | null) =>
      request<Page<AuditEventView>>('GET', `${ws(wid)}/audit${cursor ? `?cursor=${enc(cursor)}` : ''}`),
  },
  jobs: {
    list: (wid: string) => request<{ items: JobView[] }>('GET', `${ws(wid)}/jobs`),
  },
};
