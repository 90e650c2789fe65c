import type { Outline } from '../../api/map';
import type { Datum } from './gcj02';

/**
 * How the map colours things, in one place so that the legend and the layers cannot disagree.
 * Buildings: red when a cared-for resident's visit is overdue, orange when someone there is
 * cared for, blue otherwise, grey when nobody is registered; bigger with more cared-for people.
 * Grids: by the number of overdue visits in them.
 */
export const COLORS = {
  overdue: '#f5222d',
  caredFor: '#fa8c16',
  residents: '#1677ff',
  empty: '#8c8c8c',
  gridCalm: '#389e0d',
  gridSome: '#d48806',
  gridMany: '#cf1322',
  community: '#595959',
  pending: '#722ed1',
} as const;

export interface Counted {
  residents: number;
  caredFor: number;
  overdue: number;
}

export function buildingColor(c: Counted): string {
  if (c.overdue > 0) return COLORS.overdue;
  if (c.caredFor > 0) return COLORS.caredFor;
  if (c.residents > 0) return COLORS.residents;
  return COLORS.empty;
}

/** 6 px for a building without cared-for residents, growing gently to 16 px. */
export function buildingRadius(c: Counted): number {
  return Math.min(16, 6 + 2 * Math.sqrt(c.caredFor));
}

/** Grids with this many overdue visits or more are red; fewer (but some) amber. */
export const GRID_MANY_OVERDUE = 6;

export function gridColor(c: Counted): string {
  if (c.overdue >= GRID_MANY_OVERDUE) return COLORS.gridMany;
  if (c.overdue > 0) return COLORS.gridSome;
  return COLORS.gridCalm;
}

type Position = [number, number];

/** Leaflet's [lat, lng] rings of an outline, shifted for display. */
export function outlineLatLngs(outline: Outline, datum: Datum): [number, number][][][] {
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  return polygons.map((rings) =>
    rings.map((ring) =>
      ring.map(([lng, lat]) => {
        const p = datum.toDisplay(lat, lng);
        return [p.lat, p.lng] as [number, number];
      }),
    ),
  );
}

/**
 * A geometry read back from Leaflet (display datum) as an outline to store (WGS-84): only
 * polygons are outlines, and GeoJSON wants every ring closed.
 */
export function outlineFromDisplay(
  geometry: { type: string; coordinates: unknown },
  datum: Datum,
): Outline | null {
  const close = (ring: Position[]): Position[] => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last) return ring;
    return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  };
  const back = (ring: Position[]) =>
    close(
      ring.map(([lng, lat]) => {
        const p = datum.fromDisplay(lat, lng);
        return [p.lng, p.lat] as Position;
      }),
    );
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: (geometry.coordinates as Position[][]).map(back) };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: (geometry.coordinates as Position[][][]).map((polygon) => polygon.map(back)),
    };
  }
  return null;
}
