/**
 * The JSON shapes of /api/v1/notifications, shared by the server's presenters and the web app.
 * A notification carries a kind and the values its text needs; each reader renders it in their language.
 */
export interface NotificationView {
  id: string;
  kind: string;
  workspaceId: string;
  workspaceName: string;
  params: Record<string, string | number | null>;
  object: { type: string; id: string };
  /** The page it leads to, inside the app (e.g. /w/:workspaceId/calendar/posts/:postId). */
  link: string;
  actor: { id: string; name: string } | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPageView {
  items: NotificationView[];
  nextCursor: string | null;
  unread: number;
}

export interface NotificationKindPreference {
  kind: string;
  inApp: boolean;
  email: boolean;
}

export interface NotificationPreferencesView {
  /** The language e-mails are written in; null until the person has used the app. */
  locale: 'en' | 'fr' | null;
  /** Whether this install sends e-mail at all (SMTP_URL set). */
  emailAvailable: boolean;
  kinds: NotificationKindPreference[];
}
