import { useCallback, useMemo, useState } from 'react';
import type { Outline } from '../../api/map';

export interface Location {
  lat: number;
  lng: number;
}

/** One unsaved change, with what it replaced so that it can be undone. */
type Change =
  | { kind: 'outline'; code: string; previous: Outline | null | undefined }
  | { kind: 'location'; id: number; previous: Location | undefined };

interface Pending {
  /** Grid (or community) code → the new outline, or null to remove it. WGS-84. */
  outlines: Record<string, Outline | null>;
  /** Building id → its new location. WGS-84. */
  locations: Record<number, Location>;
  history: Change[];
  /** Bumped by undo, so that editors holding their own copy of a shape start again from ours. */
  revision: number;
}

const EMPTY: Pending = { outlines: {}, locations: {}, history: [], revision: 0 };

function withoutKey<K extends string | number, V>(record: Record<K, V>, key: K): Record<K, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * The unsaved edits of the map: outlines drawn or changed and buildings placed or moved. Nothing
 * reaches the server until saved; each change can be taken back, last first.
 */
export function useMapEdits() {
  const [pending, setPending] = useState<Pending>(EMPTY);

  const setOutline = useCallback((code: string, outline: Outline | null) => {
    setPending((p) => ({
      ...p,
      outlines: { ...p.outlines, [code]: outline },
      history: [...p.history, { kind: 'outline', code, previous: p.outlines[code] }],
    }));
  }, []);

  const setLocation = useCallback((id: number, location: Location) => {
    setPending((p) => ({
      ...p,
      locations: { ...p.locations, [id]: location },
      history: [...p.history, { kind: 'location', id, previous: p.locations[id] }],
    }));
  }, []);

  const undo = useCallback(() => {
    setPending((p) => {
      const last = p.history[p.history.length - 1];
      if (!last) return p;
      const history = p.history.slice(0, -1);
      const revision = p.revision + 1;
      if (last.kind === 'outline') {
        const outlines =
          last.previous === undefined
            ? withoutKey(p.outlines, last.code)
            : { ...p.outlines, [last.code]: last.previous };
        return { ...p, outlines, history, revision };
      }
      const locations =
        last.previous === undefined
          ? withoutKey(p.locations, last.id)
          : { ...p.locations, [last.id]: last.previous };
      return { ...p, locations, history, revision };
    });
  }, []);

  /** Forgets the changes that were saved (or all of them), keeping the others to retry. */
  const forget = useCallback((saved?: { outlines: string[]; locations: number[] }) => {
    setPending((p) => {
      if (!saved) return { ...EMPTY, revision: p.revision + 1 };
      let { outlines, locations } = p;
      for (const code of saved.outlines) outlines = withoutKey(outlines, code);
      for (const id of saved.locations) locations = withoutKey(locations, id);
      const history = p.history.filter((c) =>
        c.kind === 'outline' ? c.code in outlines : c.id in locations,
      );
      return { outlines, locations, history, revision: p.revision + 1 };
    });
  }, []);

  const count = Object.keys(pending.outlines).length + Object.keys(pending.locations).length;
  return useMemo(
    () => ({ ...pending, count, setOutline, setLocation, undo, forget }),
    [pending, count, setOutline, setLocation, undo, forget],
  );
}

export type MapEdits = ReturnType<typeof useMapEdits>;
