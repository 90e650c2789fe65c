import { type Static, Type } from 'typebox';

export const AppNotification = Type.Object({
  id: Type.Integer(),
  /** An i18n code, e.g. VISITS_DUE. */
  kind: Type.String(),
  /** Rendered in the reader's language. */
  message: Type.String(),
  /** An in-app path to open, or null. */
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
export type AppNotification = Static<typeof AppNotification>;

/** The reader's latest 50, newest first, and how many are unread. */
export const NotificationInbox = Type.Object({ unread: Type.Integer(), items: Type.Array(AppNotification) });
export type NotificationInbox = Static<typeof NotificationInbox>;

export const Unread = Type.Object({ unread: Type.Integer() });
