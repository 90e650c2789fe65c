import 'leaflet/dist/leaflet.css';
import L, { type LatLngBoundsExpression } from 'leaflet';
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import {
  AttributionControl,
  CircleMarker,
  MapContainer,
  Marker,
  Polygon,
  ScaleControl,
  TileLayer,
  Tooltip,
  useMap,
} from 'react-leaflet';
import type { MapSettings, Outline } from '../../api/map';
import { useT } from '../../i18n';
import type { Datum } from './gcj02';
import type { MapEditLayerProps } from './MapEditLayer';
import { buildingColor, buildingRadius, COLORS, gridColor, outlineLatLngs } from './mapStyle';

const MapEditLayer = lazy(() => import('./MapEditLayer'));

export interface MapGrid {
  code: string;
  name: string;
  level: 'community' | 'grid';
  outline: Outline | null;
  residents: number;
  caredFor: number;
  overdue: number;
  /** The outline shown is an unsaved change. */
  pending: boolean;
}

export interface MapBuilding {
  id: number;
  label: string;
  lat: number;
  lng: number;
  residents: number;
  caredFor: number;
  overdue: number;
  pending: boolean;
}

interface MapCanvasProps {
  settings: MapSettings;
  datum: Datum;
  grids: MapGrid[];
  buildings: MapBuilding[];
  selectedGrid: string | undefined;
  selectedBuilding: number | undefined;
  onGridClick: (code: string) => void;
  onBuildingClick: (id: number) => void;
  /** Changes when the map should frame its content again (another region). */
  frameKey: string;
  /** A region to frame now (picked in a list). */
  focus: { code: string; at: number } | null;
  /** Present while editing: the editing layer's settings. */
  edit: Omit<MapEditLayerProps, 'datum'> | null;
  /** Hidden while editing its vertices: the editor draws it. */
  hiddenGrid: string | undefined;
  /** Hidden while its marker is dragged. */
  hiddenBuilding: number | undefined;
  /** A request (its time) to centre the map on the device's position. */
  locateAt: number;
  onLocateFailed: () => void;
}

/** Where China is, for a map that has nothing to show yet. */
const CHINA: [number, number] = [35.5, 104];

function boundsOf(grids: MapGrid[], buildings: MapBuilding[], datum: Datum, only?: string) {
  const points: [number, number][] = [];
  for (const grid of grids) {
    if (!grid.outline || (only && grid.code !== only)) continue;
    for (const polygon of outlineLatLngs(grid.outline, datum))
      for (const ring of polygon) points.push(...ring);
  }
  if (!only) {
    for (const b of buildings) {
      const p = datum.toDisplay(b.lat, b.lng);
      points.push([p.lat, p.lng]);
    }
  }
  return points.length ? (points as LatLngBoundsExpression) : null;
}

/** Frames the content when the region changes (once its layers arrived), and on request. */
function Framer({
  grids,
  buildings,
  datum,
  center,
  frameKey,
  focus,
}: {
  grids: MapGrid[];
  buildings: MapBuilding[];
  datum: Datum;
  center: [number, number] | null;
  frameKey: string;
  focus: MapCanvasProps['focus'];
}) {
  const map = useMap();
  const framed = useRef<string | null>(null);
  useEffect(() => {
    if (framed.current === frameKey) return;
    const bounds = boundsOf(grids, buildings, datum);
    if (bounds) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 });
      framed.current = frameKey;
    } else if (center) {
      const p = datum.toDisplay(center[0], center[1]);
      map.setView([p.lat, p.lng], 16);
      framed.current = frameKey;
    }
  }, [map, frameKey, grids, buildings, datum, center]);
  // Only a new request moves the map, not new data: the data is read through a ref.
  const latest = useRef({ grids, datum });
  latest.current = { grids, datum };
  useEffect(() => {
    if (!focus) return;
    const bounds = boundsOf(latest.current.grids, [], latest.current.datum, focus.code);
    if (bounds) map.flyToBounds(bounds, { padding: [32, 32], maxZoom: 18, duration: 0.6 });
  }, [focus, map]);
  return null;
}

/** Where a grid's name goes: the top middle of its largest part, clear of the buildings inside. */
function labelPosition(positions: [number, number][][][]): [number, number] | null {
  let best: { area: number; at: [number, number] } | null = null;
  for (const polygon of positions) {
    const outer = polygon[0];
    if (!outer?.length) continue;
    const bounds = L.latLngBounds(outer);
    const area = Math.abs((bounds.getNorth() - bounds.getSouth()) * (bounds.getEast() - bounds.getWest()));
    if (!best || area > best.area) {
      best = { area, at: [bounds.getNorth(), bounds.getCenter().lng] };
    }
  }
  return best?.at ?? null;
}

/** A grid's name on the map: text only (no HTML from the data), and never in the way of a tap. */
function labelIcon(name: string) {
  const span = document.createElement('span');
  span.textContent = name;
  return L.divIcon({ className: 'map-grid-label', html: span, iconSize: undefined });
}

/** Centres the map on the device's GPS position (WGS-84, like everything stored) when asked. */
function Locator({ at, datum, onFailed }: { at: number; datum: Datum; onFailed: () => void }) {
  const map = useMap();
  const failed = useRef(onFailed);
  failed.current = onFailed;
  useEffect(() => {
    if (!at) return;
    if (!('geolocation' in navigator)) {
      failed.current();
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const p = datum.toDisplay(position.coords.latitude, position.coords.longitude);
        map.setView([p.lat, p.lng], 18);
      },
      () => failed.current(),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }, [at, datum, map]);
  return null;
}

/** The Leaflet map: outlines, building dots, the optional tile background and the editing tools. */
export default function MapCanvas(props: MapCanvasProps) {
  const t = useT();
  const { settings, datum, grids, buildings, edit } = props;
  const gridShapes = useMemo(
    () =>
      grids
        .filter((g) => g.outline && g.code !== props.hiddenGrid)
        .map((g) => {
          const positions = outlineLatLngs(g.outline as Outline, datum);
          const label = g.level === 'grid' ? labelPosition(positions) : null;
          return { grid: g, positions, label, icon: label ? labelIcon(g.name) : null };
        }),
    [grids, datum, props.hiddenGrid],
  );
  const dots = useMemo(
    () =>
      buildings
        .filter((b) => b.id !== props.hiddenBuilding)
        .map((b) => ({ building: b, at: datum.toDisplay(b.lat, b.lng) })),
    [buildings, datum, props.hiddenBuilding],
  );
  const counts = (c: { residents: number; caredFor: number; overdue: number }) =>
    t('map.countsLine', { residents: c.residents, caredFor: c.caredFor, overdue: c.overdue });

  return (
    <MapContainer
      className="map-canvas"
      center={CHINA}
      zoom={4}
      minZoom={3}
      maxZoom={20}
      preferCanvas
      attributionControl={false}
      zoomSnap={0.5}
    >
      {/* The tile source's credit only, without Leaflet's default prefix and flag. */}
      {settings.tileUrl ? <AttributionControl prefix="Leaflet" /> : null}
      {settings.tileUrl ? (
        <TileLayer
          url={settings.tileUrl}
          attribution={settings.attribution ?? ''}
          maxNativeZoom={18}
          maxZoom={20}
        />
      ) : null}
      <ScaleControl imperial={false} position="bottomright" />
      <Framer
        grids={grids}
        buildings={buildings}
        datum={datum}
        center={settings.center}
        frameKey={props.frameKey}
        focus={props.focus}
      />
      <Locator at={props.locateAt} datum={datum} onFailed={props.onLocateFailed} />
      {gridShapes.map(({ grid, positions }) => {
        const community = grid.level === 'community';
        const selected = grid.code === props.selectedGrid;
        const color = grid.pending ? COLORS.pending : community ? COLORS.community : gridColor(grid);
        return (
          <Polygon
            key={`${grid.code}:${grid.pending ? 'p' : 's'}`}
            positions={positions}
            pathOptions={{
              color,
              weight: selected ? 4 : community ? 2 : 2,
              dashArray: community || grid.pending ? '6 6' : undefined,
              fillColor: color,
              fillOpacity: community ? 0 : selected ? 0.28 : 0.14,
            }}
            eventHandlers={{ click: () => props.onGridClick(grid.code) }}
            // A community's outline lies under its grids: it must not catch their taps.
            interactive={!community}
          >
            {community ? null : (
              <Tooltip sticky>
                <strong>{grid.name}</strong>
                <br />
                {counts(grid)}
              </Tooltip>
            )}
          </Polygon>
        );
      })}
      {gridShapes.map(({ grid, label, icon }) =>
        label && icon ? (
          <Marker
            key={`label:${grid.code}`}
            position={label}
            icon={icon}
            interactive={false}
            keyboard={false}
          />
        ) : null,
      )}
      {dots.map(({ building, at }) => {
        const selected = building.id === props.selectedBuilding;
        const color = buildingColor(building);
        return (
          <CircleMarker
            key={building.id}
            center={[at.lat, at.lng]}
            radius={buildingRadius(building) + (selected ? 3 : 0)}
            pathOptions={{
              color: selected ? '#141414' : building.pending ? COLORS.pending : '#fff',
              weight: selected ? 3 : 2,
              fillColor: color,
              fillOpacity: 0.92,
            }}
            eventHandlers={{ click: () => props.onBuildingClick(building.id) }}
          >
            <Tooltip direction="top" offset={[0, -8]}>
              <strong>{building.label}</strong>
              <br />
              {counts(building)}
            </Tooltip>
          </CircleMarker>
        );
      })}
      {edit ? (
        <Suspense fallback={null}>
          <MapEditLayer {...edit} datum={datum} />
        </Suspense>
      ) : null}
    </MapContainer>
  );
}
