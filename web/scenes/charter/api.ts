/** The editorial charter's API: the current charter, its versions, and what breaks it now. */
import { request } from '../../api/client.js';
import type { Charter, CharterInput } from '../../../src/shared/charter/charter.js';
import type { Finding } from '../../../src/shared/charter/findings.js';

export interface CharterVersion {
  charter: Charter;
  /** 0 while the workspace has written no charter. */
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

export interface CharterVersionItem {
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

export interface CharterViolations {
  version: number;
  savedReplies: Array<{ id: string; title: string; findings: Finding[] }>;
  posts: Array<{ id: string; status: string; scheduledAt: string | null; excerpt: string; network: string | null; findings: Finding[] }>;
}

const base = (wid: string) => `/workspaces/${encodeURIComponent(wid)}/charter`;

export const charterApi = {
  get: (wid: string) => request<CharterVersion>('GET', base(wid)),
  save: (wid: string, charter: CharterInput, baseVersion: number) => request<CharterVersion>('PUT', base(wid), { charter, baseVersion }),
  versions: (wid: string) => request<{ items: CharterVersionItem[] }>('GET', `${base(wid)}/versions`),
  version: (wid: string, version: number) => request<CharterVersion>('GET', `${base(wid)}/versions/${version}`),
  violations: (wid: string) => request<CharterViolations>('GET', `${base(wid)}/violations`),
};
