import L from './leaflet-global';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Outline } from '../../api/map';
import type { Datum } from './gcj02';
import { COLORS, outlineFromDisplay, outlineLatLngs } from './mapStyle';
import type { Location } from './useMapEdits';

export type EditTool = 'none' | 'draw' | 'vertex' | 'place';

export interface MapEditLayerProps {
  datum: Datum;
  lang: 'zh' | 'en';
  tool: EditTool;
  /** The region whose outline is edited, and that outline (WGS-84). */
  regionCode: string | undefined;
  outline: Outline | null;
  /** Changes when the outline was replaced from outside (undo): the editor starts again. */
  revision: number;
  onOutline: (outline: Outline) => void;
  /** Drawing ended (a shape was made, or drawing was cancelled). */
  onDrawEnd: () => void;
  /** The building whose marker can be dragged, at its current location (WGS-84). */
  moving: { id: number; location: Location } | null;
  onMove: (id: number, location: Location) => void;
  /** A map tap while placing a building. */
  onPlace: (location: Location) => void;
}

const movingIcon = L.divIcon({
  className: 'map-moving-marker',
  html: '<span></span>',
  iconSize: [28, 28],
  iconAnchor: [14, 14],
});

/**
 * The editing tools on the map (leaflet-geoman), loaded only when a user starts editing: draw a
 * new outline, move the vertices of the current one, drag a building, tap to place one. The
 * layers here are Leaflet's own, not React's: geoman edits them in place, and React would
 * otherwise redraw them under the user's finger on every change.
 */
export default function MapEditLayer(props: MapEditLayerProps) {
  const map = useMap();
  // Callbacks through a ref, so that a new closure does not tear down an edit in progress.
  const latest = useRef(props);
  latest.current = props;
  const { tool, datum, lang, revision, regionCode, outline, moving } = props;

  // The map was made before the plugin loaded (it is loaded on demand), so the plugin's hook that
  // equips new maps never ran for this one.
  if (!map.pm) {
    const { Map: PMMap } = L.PM as unknown as { Map: new (map: L.Map) => L.PM.PMMap };
    map.pm = new PMMap(map);
  }

  useEffect(() => {
    map.pm.setLang(lang === 'en' ? 'en' : 'zh');
    map.pm.setGlobalOptions({
      allowSelfIntersection: false,
      pathOptions: { color: COLORS.pending, weight: 3 },
      templineStyle: { color: COLORS.pending },
      hintlineStyle: { color: COLORS.pending, dashArray: '5,5' },
    });
  }, [map, lang]);

  // Drawing a new outline: it replaces the old one.
  useEffect(() => {
    if (tool !== 'draw') return;
    const created = (event: { layer: L.Layer }) => {
      const layer = event.layer as L.Polygon;
      const geometry = outlineFromDisplay(layer.toGeoJSON().geometry, datum);
      map.removeLayer(layer);
      if (geometry) latest.current.onOutline(geometry);
      latest.current.onDrawEnd();
    };
    const ended = () => latest.current.onDrawEnd();
    map.on('pm:create', created);
    map.on('pm:drawend', ended);
    map.pm.enableDraw('Polygon', { snappable: true });
    return () => {
      map.off('pm:create', created);
      map.off('pm:drawend', ended);
      map.pm.disableDraw();
    };
  }, [map, tool, datum]);

  // Editing the vertices of the current outline; restarted when the outline is replaced.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `outline` is read when (re)starting only; see above.
  useEffect(() => {
    if (tool !== 'vertex' || !outline) return;
    const layer = L.polygon(outlineLatLngs(outline, datum), { color: COLORS.pending, weight: 3 }).addTo(map);
    const changed = () => {
      const geometry = outlineFromDisplay(layer.toGeoJSON().geometry, datum);
      if (geometry) latest.current.onOutline(geometry);
    };
    layer.on('pm:edit', changed);
    layer.pm.enable({ allowSelfIntersection: false, draggable: false });
    return () => {
      layer.off('pm:edit', changed);
      layer.pm.disable();
      map.removeLayer(layer);
    };
  }, [map, tool, datum, revision, regionCode]);

  // Dragging a building's marker.
  const markerRef = useRef<L.Marker | null>(null);
  const movingId = moving?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the marker follows `moving` below without being rebuilt.
  useEffect(() => {
    if (movingId === undefined || !moving) return;
    const start = datum.toDisplay(moving.location.lat, moving.location.lng);
    const marker = L.marker([start.lat, start.lng], {
      icon: movingIcon,
      draggable: true,
      autoPan: true,
      zIndexOffset: 1000,
      keyboard: true,
    }).addTo(map);
    marker.on('dragend', () => {
      const at = marker.getLatLng();
      latest.current.onMove(movingId, datum.fromDisplay(at.lat, at.lng));
    });
    markerRef.current = marker;
    return () => {
      markerRef.current = null;
      map.removeLayer(marker);
    };
  }, [map, movingId, datum]);
  useEffect(() => {
    if (!moving || !markerRef.current) return;
    const at = datum.toDisplay(moving.location.lat, moving.location.lng);
    const current = markerRef.current.getLatLng();
    if (Math.abs(current.lat - at.lat) > 1e-9 || Math.abs(current.lng - at.lng) > 1e-9) {
      markerRef.current.setLatLng([at.lat, at.lng]);
    }
  }, [moving, datum]);

  // Placing a building: the next tap on the map.
  useEffect(() => {
    if (tool !== 'place') return;
    const container = map.getContainer();
    container.classList.add('map-placing');
    const clicked = (event: L.LeafletMouseEvent) =>
      latest.current.onPlace(datum.fromDisplay(event.latlng.lat, event.latlng.lng));
    map.on('click', clicked);
    return () => {
      container.classList.remove('map-placing');
      map.off('click', clicked);
    };
  }, [map, tool, datum]);

  return null;
}
