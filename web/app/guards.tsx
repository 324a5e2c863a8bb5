import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from './session.js';
import { remembered } from '../lib/storage.js';
import { workspacePath } from '../lib/areas.js';
import { Page } from '../components/Page.js';
import { Link } from 'react-router-dom';

function Splash() {
  const { t } = useTranslation();
  return (
    <p className="splash" role="status">
      {t('app.loading')}
    </p>
  );
}

export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Splash />;
  if (state.status === 'anonymous') {
    // After an expiry, signing in again returns to the page; after a deliberate sign-out, it starts afresh.
    const from = state.ended === 'signedOut' ? undefined : location.pathname;
    return <Navigate to={state.needsOwner ? '/setup' : '/signin'} replace state={{ from, ended: state.ended }} />;
  }
  return <Outlet />;
}

/** Sign-in and setup: a signed-in visitor goes home; setup exists only while nobody has an account. */
export function PublicOnly() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Splash />;
  if (state.status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from.startsWith('/') ? from : '/'} replace />;
  }
  if (state.needsOwner && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (!state.needsOwner && location.pathname === '/setup') return <Navigate to="/signin" replace />;
  return <Outlet />;
}

/** "/" opens the workspace used last, else the first one, else offers to create one. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const { memberships, canCreateWorkspace } = state.session;
  const last = remembered.lastWorkspace();
  const target = memberships.find((m) => m.workspaceId === last) ?? memberships[0];
  if (target) return <Navigate to={workspacePath(target.workspaceId)} replace />;
  if (canCreateWorkspace) return <Navigate to="/workspaces/new" replace />;
  return (
    <Page title={t('noWorkspace.title')} lead={t('noWorkspace.text')}>
      <Link to="/account">{t('menu.profile')}</Link>
    </Page>
  );
}
