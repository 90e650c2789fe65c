import { api } from './client';
import type { ItemList, Page, Role, User } from './types';

export interface UserListQuery {
  q?: string;
  role?: string;
  scope?: string;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  scope: string;
  password?: string;
}

export interface UserChanges {
  displayName?: string;
  role?: string;
  scope?: string;
  disabled?: boolean;
}

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
};

export const roleKeys = {
  all: ['roles'] as const,
};

export function fetchUsers(query: UserListQuery): Promise<Page<User>> {
  return api<Page<User>>('/api/users', { query: { ...query } });
}

export function createUser(user: NewUser): Promise<{ user: User; temporaryPassword?: string }> {
  return api('/api/users', { method: 'POST', body: user });
}

export function updateUser(id: User['id'], changes: UserChanges): Promise<User> {
  return api<User>(`/api/users/${id}`, { method: 'PATCH', body: changes });
}

export function unlockUser(id: User['id']): Promise<User> {
  return api<User>(`/api/users/${id}/unlock`, { method: 'POST' });
}

export function resetPassword(id: User['id']): Promise<{ temporaryPassword: string }> {
  return api(`/api/users/${id}/reset-password`, { method: 'POST', body: {} });
}

export async function fetchRoles(): Promise<Role[]> {
  return (await api<ItemList<Role>>('/api/roles')).items;
}
