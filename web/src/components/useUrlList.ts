import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list whose filters, page and page size stand in the URL (`/residents?q=wxm&overdue=1&page=2`),
 * so it can be reloaded, bookmarked and sent to a colleague. Each list reads its own filters from
 * `params` (dropping anything unreadable); this owns the page and the writing back.
 */
export const PAGE_SIZES = [20, 50, 100];
const DEFAULT_SIZE = 20;

/** A grid from a shared link counts only inside the working region (its choice may have changed). */
export function regionOf(grid: string | undefined, working: string | undefined): string | undefined {
  return grid !== undefined && (!working || grid.startsWith(working)) ? grid : working;
}

/** The URL of a list as last seen (see `rememberAs`), so that 返回列表 on a record goes back to it. */
export function rememberedList(path: string, key: string): string {
  try {
    return `${path}${sessionStorage.getItem(key) ?? ''}`;
  } catch {
    return path;
  }
}

/**
 * `Filters` is the list's own reading of its filters; `rememberAs` keeps the list's query in the
 * session under that key, for `rememberedList`.
 */
export function useUrlList<Filters extends object>(rememberAs?: string) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  useEffect(() => {
    if (!rememberAs) return;
    try {
      sessionStorage.setItem(rememberAs, search ? `?${search}` : '');
    } catch {
      // Storage unavailable: 返回列表 shows the list unfiltered.
    }
  }, [search, rememberAs]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : DEFAULT_SIZE;

  /** Changes some filters (true is written `1`) and goes back to the first page; `replace` keeps Back useful. */
  const setFilters = useCallback(
    (patch: Partial<Filters>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch) as [string, unknown][]) {
            if (value === undefined || value === '' || value === false) next.delete(key);
            else next.set(key, value === true ? '1' : String(value));
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (nextSize !== pageSize) {
          next.delete('page');
          if (nextSize === DEFAULT_SIZE) next.delete('size');
          else next.set('size', String(nextSize));
        } else if (nextPage <= 1) next.delete('page');
        else next.set('page', String(nextPage));
        return next;
      });
    },
    [setParams, pageSize],
  );

  /** Clears the filters named, keeping the others (a kind tab) and the page size. */
  const clearFilters = useCallback(
    (keys: readonly string[]) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const key of [...keys, 'page']) next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { params, page, pageSize, setFilters, setPage, clearFilters };
}
