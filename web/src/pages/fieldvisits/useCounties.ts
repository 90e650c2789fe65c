import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchLoad } from '../../api/fieldvisits';
import { fetchChildRegions, fetchRootRegions } from '../../api/regions';
import { thisMonth } from './visitDates';

export interface County {
  code: string;
  name: string;
}

/** The counties one may choose, under their prefecture (州/市). */
export interface CountyGroup {
  code: string;
  name: string;
  counties: County[];
}

/**
 * Every county-level division of the caller's scope (Yunnan's 129 for a reporter or the reviewer,
 * one for a county), grouped by prefecture. The month load table lists exactly the counties of
 * one's scope with their names, so two or three requests do what walking the region tree (one per
 * prefecture) would; the prefectures' names come from the tree's level above.
 */
async function fetchCountyGroups(): Promise<CountyGroup[]> {
  const [roots, load] = await Promise.all([fetchRootRegions(), fetchLoad(thisMonth())]);
  const prefectures = new Map<string, string>();
  for (const root of roots) {
    if (root.level === 'city') prefectures.set(root.code, root.name);
    if (root.level === 'province') {
      for (const city of await fetchChildRegions(root.code)) prefectures.set(city.code, city.name);
    }
  }
  const groups = new Map<string, CountyGroup>();
  for (const item of load.items) {
    const code = item.countyCode.slice(0, 4);
    const group = groups.get(code) ?? { code, name: prefectures.get(code) ?? item.countyName, counties: [] };
    group.counties.push({ code: item.countyCode, name: item.countyName });
    groups.set(code, group);
  }
  return [...groups.values()];
}

export function useCounties() {
  const query = useQuery({
    queryKey: ['field-visits', 'counties'],
    queryFn: fetchCountyGroups,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const group of query.data ?? [])
      for (const county of group.counties) map.set(county.code, county.name);
    return map;
  }, [query.data]);
  return { groups: query.data ?? [], names, isLoading: query.isLoading, isError: query.isError };
}
