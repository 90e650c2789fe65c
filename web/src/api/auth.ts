import { api, setCsrfToken } from './client';
import { isApiError } from './errors';
import type { Session } from './types';

export async function login(username: string, password: string): Promise<Session> {
  const session = await api<Session>('/api/auth/login', { method: 'POST', body: { username, password } });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when nobody is logged in (401 is an answer here, not a failure). */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await api<Session>('/api/auth/me', { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  try {
    await api<void>('/api/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}
