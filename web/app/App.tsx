import { Route, Routes } from 'react-router-dom';
import { HomeRedirect, PublicOnly, RequireSession } from './guards.js';
import { Shell } from './Shell.js';
import { RequirePermission, WorkspaceLayout } from './workspace.js';
import { SignInPage } from '../scenes/auth/SignInPage.js';
import { SetupPage } from '../scenes/auth/SetupPage.js';
import { AcceptInvitationPage } from '../scenes/auth/AcceptInvitationPage.js';
import { ForgotPasswordPage } from '../scenes/auth/ForgotPasswordPage.js';
import { ResetPasswordPage } from '../scenes/auth/ResetPasswordPage.js';
import { UpcomingPage } from '../scenes/upcoming/UpcomingPage.js';
import { NotFoundPage } from '../scenes/NotFoundPage.js';
import { AREAS } from '../lib/areas.js';
import { lazyPage } from './lazyPage.js';

// Each page inside the app is loaded when first opened, so that the sign-in page and the shell come first (the
// calendar alone brings FullCalendar, the composer an emoji picker).
const AccountPage = lazyPage(() => import('../scenes/account/AccountPage.js'), 'AccountPage');
const NetworksPage = lazyPage(() => import('../scenes/networks/NetworksPage.js'), 'NetworksPage');
const NewWorkspacePage = lazyPage(() => import('../scenes/workspaces/NewWorkspacePage.js'), 'NewWorkspacePage');
const OverviewPage = lazyPage(() => import('../scenes/workspaces/OverviewPage.js'), 'OverviewPage');
const MembersPage = lazyPage(() => import('../scenes/members/MembersPage.js'), 'MembersPage');
const AuditPage = lazyPage(() => import('../scenes/audit/AuditPage.js'), 'AuditPage');
const JobsPage = lazyPage(() => import('../scenes/jobs/JobsPage.js'), 'JobsPage');
const ApprovalsPage = lazyPage(() => import('../scenes/calendar/ApprovalsPage.js'), 'ApprovalsPage');
const ComposerPage = lazyPage(() => import('../scenes/composer/ComposerPage.js'), 'ComposerPage');
const PostPage = lazyPage(() => import('../scenes/composer/PostPage.js'), 'PostPage');
const AccountsPage = lazyPage(() => import('../scenes/accounts/AccountsPage.js'), 'AccountsPage');
const SettingsPage = lazyPage(() => import('../scenes/publishing/SettingsPage.js'), 'SettingsPage');
const WorkspaceSettingsPage = lazyPage(() => import('../scenes/workspaces/WorkspaceSettingsPage.js'), 'WorkspaceSettingsPage');
const PublishingSettingsPage = lazyPage(() => import('../scenes/publishing/PublishingSettingsPage.js'), 'PublishingSettingsPage');
const NotificationPreferencesPage = lazyPage(() => import('../scenes/notifications/PreferencesPage.js'), 'PreferencesPage');
const CalendarPage = lazyPage(() => import('../scenes/calendar/CalendarPage.js'), 'CalendarPage');
const ReviewPage = lazyPage(() => import('../scenes/moderation/ReviewPage.js'), 'ReviewPage');
const RulesPage = lazyPage(() => import('../scenes/moderation/RulesPage.js'), 'RulesPage');
const RuleEditorPage = lazyPage(() => import('../scenes/moderation/RuleEditorPage.js'), 'RuleEditorPage');
const ModerationLogPage = lazyPage(() => import('../scenes/moderation/LogPage.js'), 'LogPage');
const PeoplePage = lazyPage(() => import('../scenes/moderation/PeoplePage.js'), 'PeoplePage');
const ModelsPage = lazyPage(() => import('../scenes/moderation/ModelsPage.js'), 'ModelsPage');
const SavedRepliesPage = lazyPage(() => import('../scenes/saved-replies/SavedRepliesPage.js'), 'SavedRepliesPage');
const InboxPage = lazyPage(() => import('../scenes/inbox/InboxPage.js'), 'InboxPage');
const TicketsPage = lazyPage(() => import('../scenes/tickets/TicketsPage.js'), 'TicketsPage');
const TicketPage = lazyPage(() => import('../scenes/tickets/TicketPage.js'), 'TicketPage');
const DepartmentsPage = lazyPage(() => import('../scenes/tickets/DepartmentsPage.js'), 'DepartmentsPage');
const NewTicketPage = lazyPage(() => import('../scenes/tickets/NewTicketPage.js'), 'NewTicketPage');
const ListeningPage = lazyPage(() => import('../scenes/listening/ListeningPage.js'), 'ListeningPage');
const MentionsPage = lazyPage(() => import('../scenes/listening/MentionsPage.js'), 'MentionsPage');
const TopicsPage = lazyPage(() => import('../scenes/listening/TopicsPage.js'), 'TopicsPage');
const SourcesPage = lazyPage(() => import('../scenes/listening/SourcesPage.js'), 'SourcesPage');
const AlertsPage = lazyPage(() => import('../scenes/listening/alerts/AlertsPage.js'), 'AlertsPage');
const AlertPage = lazyPage(() => import('../scenes/listening/alerts/AlertPage.js'), 'AlertPage');
const CrisisPage = lazyPage(() => import('../scenes/listening/alerts/CrisisPage.js'), 'CrisisPage');
const AnalyticsPage = lazyPage(() => import('../scenes/analytics/AnalyticsPage.js'), 'AnalyticsPage');
const ObjectivesPage = lazyPage(() => import('../scenes/analytics/objectives/ObjectivesPage.js'), 'ObjectivesPage');
const AgencyPage = lazyPage(() => import('../scenes/analytics/AgencyPage.js'), 'AgencyPage');
const ReportsPage = lazyPage(() => import('../scenes/reports/ReportsPage.js'), 'ReportsPage');
const NewReportPage = lazyPage(() => import('../scenes/reports/NewReportPage.js'), 'NewReportPage');
const CharterPage = lazyPage(() => import('../scenes/charter/CharterPage.js'), 'CharterPage');
const SharedReportPage = lazyPage(() => import('../scenes/shared-report/SharedReportPage.js'), 'SharedReportPage');

export function App() {
  return (
    <Routes>
      <Route element={<PublicOnly />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      </Route>
      <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route path="/shared/reports/:token" element={<SharedReportPage />} />
      <Route element={<RequireSession />}>
        <Route element={<Shell />}>
          <Route index element={<HomeRedirect />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/admin/networks" element={<NetworksPage />} />
          <Route path="/account/notifications" element={<NotificationPreferencesPage />} />
          <Route path="/workspaces/new" element={<NewWorkspacePage />} />
          <Route path="/w/:workspaceId" element={<WorkspaceLayout />}>
            <Route index element={<OverviewPage />} />
            <Route element={<RequirePermission permission="members.read" />}>
              <Route path="members" element={<MembersPage />} />
            </Route>
            <Route element={<RequirePermission permission="audit.read" />}>
              <Route path="audit" element={<AuditPage />} />
            </Route>
            <Route element={<RequirePermission permission="jobs.read" />}>
              <Route path="jobs" element={<JobsPage />} />
            </Route>
            <Route path="calendar" element={<CalendarPage />} />
            <Route path="calendar/new" element={<ComposerPage />} />
            <Route path="calendar/to-approve" element={<ApprovalsPage />} />
            <Route path="calendar/posts/:postId" element={<PostPage />} />
            <Route element={<RequirePermission permission="inbox.read" />}>
              <Route path="tickets" element={<TicketsPage />} />
              <Route path="tickets/new" element={<NewTicketPage />} />
              <Route path="tickets/:ticketId" element={<TicketPage />} />
              <Route path="settings/departments" element={<DepartmentsPage />} />
            </Route>
            <Route element={<RequirePermission permission="inbox.read" inboxReaders />}>
              <Route path="inbox/*" element={<InboxPage />} />
            </Route>
            <Route element={<RequirePermission permission="inbox.read" />}>
              <Route path="moderation" element={<ReviewPage />} />
              <Route path="moderation/rules" element={<RulesPage />} />
              <Route path="moderation/rules/:ruleId" element={<RuleEditorPage />} />
              <Route path="moderation/log" element={<ModerationLogPage />} />
              <Route path="moderation/people" element={<PeoplePage />} />
              <Route path="moderation/highlights" element={<PeoplePage />} />
              <Route path="moderation/models" element={<ModelsPage />} />
              <Route path="settings/saved-replies" element={<SavedRepliesPage />} />
            </Route>
            <Route element={<RequirePermission permission="listening.read" />}>
              <Route path="listening" element={<ListeningPage />} />
              <Route path="listening/mentions" element={<MentionsPage />} />
              <Route path="listening/topics" element={<TopicsPage />} />
              <Route path="listening/sources" element={<SourcesPage />} />
              <Route path="listening/alerts" element={<AlertsPage />} />
              <Route path="listening/alerts/:alertId" element={<AlertPage />} />
              <Route path="listening/crises/:crisisId" element={<CrisisPage />} />
            </Route>
            <Route element={<RequirePermission permission="analytics.read" />}>
              <Route path="analytics" element={<AnalyticsPage />} />
              <Route path="analytics/objectives" element={<ObjectivesPage />} />
              <Route path="analytics/agency" element={<AgencyPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="reports/new" element={<NewReportPage />} />
              <Route path="reports/templates/:templateId" element={<NewReportPage />} />
            </Route>
            <Route path="charter" element={<CharterPage />} />
            <Route element={<RequirePermission permission="settings.read" />}>
              <Route path="settings" element={<SettingsPage />} />
              <Route path="settings/workspace" element={<WorkspaceSettingsPage />} />
              <Route path="settings/accounts" element={<AccountsPage />} />
              <Route path="settings/publishing" element={<PublishingSettingsPage />} />
            </Route>
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
