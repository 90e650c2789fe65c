import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { fetchRoles, roleKeys } from './users';

/** Roles with names in the current language (the language is part of the key). */
export function useRoles() {
  const { lang } = useI18n();
  return useQuery({ queryKey: [...roleKeys.all, lang], queryFn: fetchRoles, staleTime: 600_000 });
}

/** Maps a role code to its display name, falling back to the code while roles load. */
export function useRoleName(): (code: string | null | undefined) => string {
  const { data } = useRoles();
  return useCallback(
    (code) => (code ? (data?.find((role) => role.code === code)?.name ?? code) : ''),
    [data],
  );
}
