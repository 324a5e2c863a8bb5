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
  Page,
  SessionView,
  SetupView,
  WorkspaceView,
} from '../../src/shared/api.js';
import type { Permission, RoleName } from '../../src/shared/permissions.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const raw = body instanceof Object && 'raw' in body && (body as RawBody).raw instanceof Blob ? (body as RawBody) : null;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The server's CSRF guard wants this header on every mutating request.
  if (method !== 'GET') {
    headers['X-Ruche-CSRF'] = '1';
    headers['Content-Type'] = raw ? raw.type : 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.raw : body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
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
    if (isErrorBody(parsed)) throw new ApiError(response.status, parsed.error.code, parsed.error.message);
    throw new ApiError(response.status, `http_${response.status}`, response.statusText || 'Request failed');
  }
  return parsed as T;
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
    createOwner: (input: { name: string; email: string; password: string; workspaceName: string; locale?: 'fr' | 'en' }) =>
      request<SessionView>('POST', '/setup', input),
  },
  session: {
    get: () => request<SessionView>('GET', '/session'),
    signIn: (email: string, password: string) => request<SessionView>('POST', '/session', { email, password }),
    signOut: () => request<void>('DELETE', '/session'),
    changePassword: (currentPassword: string, newPassword: string) =>
      request<void>('POST', '/session/password', { currentPassword, newPassword }),
  },
  invitations: {
    preview: (token: string) => request<InvitationPreview>('GET', `/invitations/${enc(token)}`),
    accept: (token: string, input: { name?: string; password?: string }) =>
      request<SessionView>('POST', `/invitations/${enc(token)}/accept`, input),
  },
  permissions: () => request<PermissionsView>('GET', '/permissions'),
  workspaces: {
    list: () => request<{ items: WorkspaceView[] }>('GET', '/workspaces'),
    create: (input: { name: string; timezone?: string; locale?: 'fr' | 'en' }) =>
      request<WorkspaceView>('POST', '/workspaces', input),
    get: (wid: string) => request<WorkspaceView>('GET', ws(wid)),
    update: (wid: string, input: { name?: string; timezone?: string; locale?: 'fr' | 'en' }) =>
      request<WorkspaceView>('PATCH', ws(wid), input),
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
