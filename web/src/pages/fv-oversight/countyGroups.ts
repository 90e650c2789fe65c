import { useMemo } from 'react';
import { usePrefectures } from '../../api/fv-oversight';

export interface County {
  code: string;
  name: string;
}

export interface Prefecture {
  code: string;
  name: string;
  counties: County[];
}

/** A county's prefecture: the first 4 digits of its code. */
export const prefectureOf = (countyCode: string) => countyCode.slice(0, 4);

/**
 * Counties grouped by prefecture, in code order, named from the region tree (by code while the
 * names load, or when the caller's scope does not reach the province).
 */
export function useCountyGroups(counties: County[] | undefined): {
  groups: Prefecture[];
  prefectureName: (code: string) => string;
} {
  const prefectures = usePrefectures();
  return useMemo(() => {
    const names = new Map((prefectures.data ?? []).map((p) => [p.code, p.name]));
    const prefectureName = (code: string) => names.get(code) ?? code;
    const groups = new Map<string, Prefecture>();
    for (const county of [...(counties ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
      const code = prefectureOf(county.code);
      const group = groups.get(code) ?? { code, name: prefectureName(code), counties: [] };
      group.counties.push(county);
      groups.set(code, group);
    }
    return { groups: [...groups.values()], prefectureName };
  }, [counties, prefectures.data]);
}
