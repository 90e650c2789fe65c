import { useSyncExternalStore } from 'react';

// Matches antd's `md` breakpoint: below 768px the side menu becomes a drawer.
const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** True on phone-sized screens. Synchronous on first render, so layouts do not flash. */
export function useIsMobile(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
