import { createContext, useContext, useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { MembershipView } from '../../src/shared/api.js';
import type { Permission } from '../../src/shared/permissions.js';
import { useSignedIn } from './session.js';
import { remembered } from '../lib/storage.js';
import { Page } from '../components/Page.js';

const WorkspaceContext = createContext<MembershipView | null>(null);

/** /w/:workspaceId/…: checks membership, remembers the workspace, and gives it to the pages below. */
export function WorkspaceLayout() {
  const { t } = useTranslation();
  const { workspaceId } = useParams();
  const session = useSignedIn();
  const membership = session.memberships.find((m) => m.workspaceId === workspaceId) ?? null;

  useEffect(() => {
    if (membership) remembered.setLastWorkspace(membership.workspaceId);
  }, [membership]);

  if (!membership) return <Page title={t('notFound.title')} lead={t('notFound.workspace')} />;
  return (
    <WorkspaceContext.Provider value={membership}>
      <Outlet />
    </WorkspaceContext.Provider>
  );
}

export function useWorkspace(): MembershipView & { can: (p: Permission) => boolean } {
  const membership = useContext(WorkspaceContext);
  if (!membership) throw new Error('useWorkspace outside WorkspaceLayout');
  // The server's list is the authority; the shared matrix is only used to explain roles.
  return { ...membership, can: (p: Permission) => membership.permissions.includes(p) };
}

/** The open workspace's time zone, or null outside a workspace's pages. */
export function useWorkspaceZone(): string | null {
  return useContext(WorkspaceContext)?.timezone ?? null;
}

/** Pages a role does not open (the team's settings, for a client) say so, whichever way they were reached. */
export function RequirePermission({ permission, inboxReaders = false }: { permission: Permission; inboxReaders?: boolean }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  if (workspace.can(permission) || (inboxReaders && workspace.readsInbox)) return <Outlet />;
  return (
    <Page title={t('notFound.roleTitle')} lead={t('notFound.role')}>
      <Link to={`/w/${encodeURIComponent(workspace.workspaceId)}`}>{t('notFound.overview')}</Link>
    </Page>
  );
}
