import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { fetchRootRegions, regionKeys } from '../api/regions';
import type { Region, RegionLevel } from '../api/types';
import { useCurrentUser } from '../auth/session';
import { scopeName } from '../components/scopeName';
import { useT } from '../i18n';

type StoredRegion = Pick<Region, 'code' | 'name' | 'level'>;

export interface WorkingRegionValue {
  /** The chosen region; null means the whole scope when it has several roots (the whole country). */
  region: StoredRegion | null;
  /** Pass as `regionCode` to list endpoints; undefined when the working region is the whole scope. */
  regionCode: string | undefined;
  /** Name for headers: the chosen region, or the account's scope name. */
  name: string;
  /** Accounts scoped above community level may narrow their work to a part of their scope. */
  canChoose: boolean;
  /** True when a part of the scope is chosen (so there is something to clear). */
  isNarrowed: boolean;
  setRegion: (region: StoredRegion | null) => void;
}

const LEVELS_ABOVE_COMMUNITY: readonly RegionLevel[] = ['province', 'city', 'county', 'street'];

const WorkingRegionContext = createContext<WorkingRegionValue | null>(null);

// Per account, so a shared counter computer does not carry one officer's choice to the next.
function storageKey(userId: string | number): string {
  return `jiceng.workingRegion.${userId}`;
}

function readStored(userId: string | number, scope: string): StoredRegion | null {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredRegion>;
    // Scope is a code prefix: anything outside it (scope changed since) is dropped.
    if (
      typeof parsed.code !== 'string' ||
      !parsed.code.startsWith(scope) ||
      typeof parsed.name !== 'string'
    ) {
      return null;
    }
    return { code: parsed.code, name: parsed.name, level: parsed.level ?? 'community' };
  } catch {
    return null;
  }
}

export function WorkingRegionProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const t = useT();
  const roots = useQuery({ queryKey: regionKeys.roots(), queryFn: fetchRootRegions, staleTime: 300_000 });
  const [chosen, setChosen] = useState<StoredRegion | null>(() => readStored(user.id, user.scope));

  const setRegion = useCallback(
    (region: StoredRegion | null) => {
      const value = region ? { code: region.code, name: region.name, level: region.level } : null;
      try {
        if (value) localStorage.setItem(storageKey(user.id), JSON.stringify(value));
        else localStorage.removeItem(storageKey(user.id));
      } catch {
        // Storage unavailable: the choice lasts until reload.
      }
      setChosen(value);
    },
    [user.id],
  );

  const value = useMemo<WorkingRegionValue>(() => {
    const rootList = roots.data ?? [];
    const singleRoot = rootList.length === 1 ? (rootList[0] ?? null) : null;
    const canChoose =
      rootList.length > 1 || (singleRoot !== null && LEVELS_ABOVE_COMMUNITY.includes(singleRoot.level));
    const region = (canChoose ? chosen : null) ?? singleRoot;
    const isWholeScope = region === null || region.code === user.scope;
    return {
      region,
      regionCode: isWholeScope ? undefined : region.code,
      name: region?.name ?? scopeName(t, user),
      canChoose,
      isNarrowed: !isWholeScope,
      setRegion,
    };
  }, [roots.data, chosen, user, setRegion, t]);

  return <WorkingRegionContext.Provider value={value}>{children}</WorkingRegionContext.Provider>;
}

/** The region the user is working on; lists pass `regionCode` to narrow what they load. */
export function useWorkingRegion(): WorkingRegionValue {
  const value = useContext(WorkingRegionContext);
  if (!value) throw new Error('useWorkingRegion must be used inside <WorkingRegionProvider>');
  return value;
}
