import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  deleteOutline,
  fetchBuildings,
  fetchGrids,
  fetchMapSettings,
  mapKeys,
  saveBuildingLocation,
  saveOutline,
} from '../../api/map';
import { datumFor } from './gcj02';
import type { MapBuilding, MapGrid } from './MapCanvas';
import type { MapEdits } from './useMapEdits';

/**
 * The map's layers for a region (the caller's scope when undefined), with the unsaved edits laid
 * over what the server holds: a redrawn outline, a moved or newly placed building.
 */
export function useMapLayers(
  regionCode: string | undefined,
  enabled: boolean,
  edits: MapEdits,
  /** Labels of buildings placed in this edit, which the server's layer does not hold yet. */
  placedLabels: Record<number, string>,
) {
  const settings = useQuery({
    queryKey: mapKeys.config(regionCode),
    queryFn: () => fetchMapSettings(regionCode),
    staleTime: 300_000,
  });
  const gridLayer = useQuery({
    queryKey: mapKeys.grids(regionCode),
    queryFn: () => fetchGrids(regionCode),
    enabled,
  });
  const buildingLayer = useQuery({
    queryKey: mapKeys.buildings(regionCode),
    queryFn: () => fetchBuildings(regionCode),
    enabled,
  });
  const datum = useMemo(() => datumFor(settings.data?.tileCrs ?? 'wgs84'), [settings.data?.tileCrs]);

  const grids: MapGrid[] = useMemo(
    () =>
      (gridLayer.data?.features ?? []).map(({ properties: p, geometry }) => {
        const pending = p.code in edits.outlines;
        return { ...p, outline: pending ? (edits.outlines[p.code] ?? null) : geometry, pending };
      }),
    [gridLayer.data, edits.outlines],
  );

  const buildings: MapBuilding[] = useMemo(() => {
    const located = (buildingLayer.data?.features ?? []).map(({ properties: p, geometry }) => {
      const moved = edits.locations[p.id];
      const [lng, lat] = geometry.coordinates;
      return {
        id: p.id,
        label: p.estateName ? `${p.estateName} ${p.number}` : p.number,
        residents: p.residents,
        caredFor: p.caredFor,
        overdue: p.overdue,
        lat: moved?.lat ?? lat,
        lng: moved?.lng ?? lng,
        pending: moved !== undefined,
      };
    });
    const known = new Set(located.map((b) => b.id));
    const placed = Object.entries(edits.locations)
      .filter(([id]) => !known.has(Number(id)))
      .map(([id, at]) => ({
        id: Number(id),
        label: placedLabels[Number(id)] ?? `#${id}`,
        residents: 0,
        caredFor: 0,
        overdue: 0,
        ...at,
        pending: true,
      }));
    return [...located, ...placed];
  }, [buildingLayer.data, edits.locations, placedLabels]);

  /** The outline the server holds for a region (what a delete would remove). */
  const storedOutline = (code: string) =>
    gridLayer.data?.features.find((f) => f.properties.code === code)?.geometry ?? null;

  return {
    settings,
    gridLayer,
    buildingLayer,
    datum,
    grids,
    buildings,
    storedOutline,
    error: settings.error ?? gridLayer.error ?? buildingLayer.error,
    loading: settings.isLoading || gridLayer.isLoading || buildingLayer.isLoading,
    refetch: () => {
      void settings.refetch();
      void gridLayer.refetch();
      void buildingLayer.refetch();
    },
  };
}

/**
 * Saves the unsaved edits one by one. Whatever was saved is dropped from the edits even when a
 * later one fails, so that retrying sends only the rest; resolves to the number saved.
 */
export function useSaveEdits(edits: MapEdits, storedOutline: (code: string) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const saved = { outlines: [] as string[], locations: [] as number[] };
      try {
        for (const [code, outline] of Object.entries(edits.outlines)) {
          if (outline) await saveOutline(code, outline);
          else if (storedOutline(code)) await deleteOutline(code);
          saved.outlines.push(code);
        }
        for (const [id, location] of Object.entries(edits.locations)) {
          await saveBuildingLocation(Number(id), location);
          saved.locations.push(Number(id));
        }
      } finally {
        // Show what the server now holds before dropping the local copies, so nothing flickers back.
        await queryClient.invalidateQueries({ queryKey: mapKeys.all });
        edits.forget(saved);
      }
      return saved.outlines.length + saved.locations.length;
    },
  });
}
