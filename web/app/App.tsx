import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { HomeRedirect, PublicOnly, RequireSession } from './guards.js';
import { Shell } from './Shell.js';
import { WorkspaceLayout } from './workspace.js';
import { SignInPage } from '../scenes/auth/SignInPage.js';
import { SetupPage } from '../scenes/auth/SetupPage.js';
import { AcceptInvitationPage } from '../scenes/auth/AcceptInvitationPage.js';
import { AccountPage } from '../scenes/account/AccountPage.js';
import { PreferencesPage as NotificationPreferencesPage } from '../scenes/notifications/PreferencesPage.js';
import { NewWorkspacePage } from '../scenes/workspaces/NewWorkspacePage.js';
import { OverviewPage } from '../scenes/workspaces/OverviewPage.js';
import { MembersPage } from '../scenes/members/MembersPage.js';
import { AuditPage } from '../scenes/audit/AuditPage.js';
import { JobsPage } from '../scenes/jobs/JobsPage.js';
import { ApprovalsPage } from '../scenes/calendar/ApprovalsPage.js';
import { ComposerPage } from '../scenes/composer/ComposerPage.js';
import { PostPage } from '../scenes/composer/PostPage.js';
import { AccountsPage } from '../scenes/accounts/AccountsPage.js';
import { SettingsPage } from '../scenes/publishing/SettingsPage.js';
import { WorkspaceSettingsPage } from '../scenes/workspaces/WorkspaceSettingsPage.js';
import { PublishingSettingsPage } from '../scenes/publishing/PublishingSettingsPage.js';
import { UpcomingPage } from '../scenes/upcoming/UpcomingPage.js';
import { NotFoundPage } from '../scenes/NotFoundPage.js';
import { AREAS } from '../lib/areas.js';
import { Loading } from '../components/Alert.js';

// The calendar brings FullCalendar and luxon: loaded when first opened, not with the sign-in page.
const CalendarPage = lazy(() => import('../scenes/calendar/CalendarPage.js').then((m) => ({ default: m.CalendarPage })));

export function App() {
  return (
    <Routes>
      <Route element={<PublicOnly />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/setup" element={<SetupPage />} />
      </Route>
      <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      <Route element={<RequireSession />}>
        <Route element={<Shell />}>
          <Route index element={<HomeRedirect />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/account/notifications" element={<NotificationPreferencesPage />} />
          <Route path="/workspaces/new" element={<NewWorkspacePage />} />
          <Route path="/w/:workspaceId" element={<WorkspaceLayout />}>
            <Route index element={<OverviewPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="jobs" element={<JobsPage />} />
            <Route path="calendar" element={<Suspense fallback={<Loading />}><CalendarPage /></Suspense>} />
            <Route path="calendar/new" element={<ComposerPage />} />
            <Route path="calendar/to-approve" element={<ApprovalsPage />} />
            <Route path="calendar/posts/:postId" element={<PostPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="settings/workspace" element={<WorkspaceSettingsPage />} />
            <Route path="settings/accounts" element={<AccountsPage />} />
            <Route path="settings/publishing" element={<PublishingSettingsPage />} />
            {AREAS.filter((a) => !a.available).map((a) => (
              <Route key={a.id} path={a.path} element={<UpcomingPage area={a.id} />} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
