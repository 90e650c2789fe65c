import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { fetchSession, logout } from '../api/auth';
import type { Session, User } from '../api/types';
import { useT } from '../i18n';

export const sessionKey = ['session'] as const;

// Set when a live session answers 401, so the login page can say why the user is back there.
// Module state: the redirect itself is done by <RequireAuth>, which cannot carry it.
let expiredNotice = false;
export const sessionExpiry = {
  mark: () => {
    expiredNotice = true;
  },
  clear: () => {
    expiredNotice = false;
  },
  isMarked: () => expiredNotice,
};

/** The logged-in session, `null` when logged out, `undefined` while the first check runs. */
export function useSession() {
  return useQuery<Session | null>({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
    retry: false,
  });
}

/** The current user; only for screens rendered behind <RequireAuth>. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside <RequireAuth>');
  return data.user;
}

export function hasPermission(user: User | null | undefined, permission: string | undefined): boolean {
  if (!permission) return true;
  return Boolean(user?.permissions.includes(permission));
}

export function usePermission(permission: string): boolean {
  const { data } = useSession();
  return hasPermission(data?.user, permission);
}

/** Logs out, forgets every cached answer (they belong to the old account) and goes to /login. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // A message is a thenable; returned, it would hold the mutation pending until it fades.
      void message.success(t('shell.loggedOut'));
    },
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
      navigate('/login', { replace: true });
    },
  });
}
