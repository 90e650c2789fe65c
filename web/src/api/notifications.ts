// In-app notifications (站内通知), e.g. the 07:00 reminder of visits due. The server renders each
// message in the reader's language (Accept-Language), so a language switch refetches them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppNotification,
  NotificationInbox,
} from '../../../src/modules/notifications/notifications.schemas';
import { api } from './client';

export type { AppNotification, NotificationInbox };

export const notificationKeys = {
  all: ['notifications'] as const,
};

/** How often the bell asks for news while the page is open: reminders come once a day. */
export const NOTIFICATION_POLL_MS = 5 * 60_000;

export function fetchNotifications(): Promise<NotificationInbox> {
  return api<NotificationInbox>('/api/notifications');
}

export function markNotificationRead(id: number): Promise<{ unread: number }> {
  return api<{ unread: number }>(`/api/notifications/${id}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<{ unread: number }> {
  return api<{ unread: number }>('/api/notifications/read-all', { method: 'POST' });
}

// ---- hooks

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: fetchNotifications,
    refetchInterval: NOTIFICATION_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}

/** Marks read in the cache at once, then takes the server's unread count. */
function useMarkRead<V>(
  send: (vars: V) => Promise<{ unread: number }>,
  isTarget: (n: AppNotification, vars: V) => boolean,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onMutate: async (vars: V) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.all });
      const before = queryClient.getQueryData<NotificationInbox>(notificationKeys.all);
      if (before) {
        const now = new Date().toISOString();
        let marked = 0;
        const items = before.items.map((n) => {
          if (n.readAt || !isTarget(n, vars)) return n;
          marked += 1;
          return { ...n, readAt: now };
        });
        queryClient.setQueryData<NotificationInbox>(notificationKeys.all, {
          items,
          unread: Math.max(0, before.unread - marked),
        });
      }
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(notificationKeys.all, context.before);
    },
    onSuccess: ({ unread }) => {
      queryClient.setQueryData<NotificationInbox>(notificationKeys.all, (inbox) =>
        inbox ? { ...inbox, unread } : inbox,
      );
    },
  });
}

export function useMarkNotificationRead() {
  return useMarkRead(markNotificationRead, (n, id: number) => n.id === id);
}

export function useMarkAllNotificationsRead() {
  return useMarkRead(
    () => markAllNotificationsRead(),
    () => true,
  );
}
