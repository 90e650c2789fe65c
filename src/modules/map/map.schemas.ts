import { type Static, Type } from 'typebox';
import { Id, RegionCode, StringEnum } from '../../platform/schemas.js';

/** Most positions one outline may hold: a grid's boundary, not a survey. */
export const MAX_OUTLINE_POSITIONS = 5000;

const Longitude = Type.Number({ minimum: -180, maximum: 180 });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });

/** A GeoJSON position in WGS-84: [longitude, latitude] (no altitude). */
const Position = Type.Tuple([Longitude, Latitude], { description: '[lng, lat], WGS-84 degrees' });
/** A ring as GeoJSON has it: at least 4 positions, the last repeating the first (checked by the service). */
const LinearRing = Type.Array(Position, { minItems: 4, maxItems: MAX_OUTLINE_POSITIONS });
const PolygonCoordinates = Type.Array(LinearRing, { minItems: 1, maxItems: 100 });

export const PolygonGeometry = Type.Object(
  { type: Type.Literal('Polygon'), coordinates: PolygonCoordinates },
  { additionalProperties: false },
);
export const MultiPolygonGeometry = Type.Object(
  {
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(PolygonCoordinates, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export const OutlineGeometry = Type.Union([PolygonGeometry, MultiPolygonGeometry]);
export type OutlineGeometry = Static<typeof OutlineGeometry>;

const CountProperties = {
  residents: Type.Integer({ description: 'residents living there (not deleted, not left or deceased)' }),
  caredFor: Type.Integer({ description: 'of them, those with a visit interval (关爱对象)' }),
  overdue: Type.Integer({ description: 'of them, those whose next visit was due before now' }),
};

export const MapRegionQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
});

export const BuildingsQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
  bbox: Type.Optional(
    Type.String({
      pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$',
      description: 'minLng,minLat,maxLng,maxLat (WGS-84): only buildings inside',
    }),
  ),
});
export type BuildingsQuery = Static<typeof BuildingsQuery>;

export const MapConfigResponse = Type.Object({
  tileUrl: Type.Union([Type.String(), Type.Null()]),
  tileCrs: StringEnum(['wgs84', 'gcj02'] as const),
  attribution: Type.Union([Type.String(), Type.Null()]),
  center: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()], {
    description: '[lat, lng] (WGS-84): the centroid of the located buildings in scope',
  }),
});

export const GridFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Type.Union([OutlineGeometry, Type.Null()], { description: 'null: no outline drawn yet' }),
      properties: Type.Object({
        code: Type.String(),
        name: Type.String(),
        level: StringEnum(['community', 'grid'] as const),
        ...CountProperties,
      }),
    }),
  ),
});

export const BuildingFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Tuple([Longitude, Latitude]) }),
      properties: Type.Object({
        id: Type.Integer(),
        number: Type.String(),
        estateName: Type.Union([Type.String(), Type.Null()]),
        kind: Type.String(),
        regionCode: Type.String(),
        ...CountProperties,
      }),
    }),
  ),
});

export const OutlineParams = Type.Object({ regionCode: RegionCode });
export const OutlineBody = Type.Object({ geometry: OutlineGeometry }, { additionalProperties: false });
export const OutlineResponse = Type.Object({
  regionCode: Type.String(),
  geometry: OutlineGeometry,
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});

export const BuildingParams = Type.Object({ id: Id });
export const LocationBody = Type.Object({ lat: Latitude, lng: Longitude }, { additionalProperties: false });
export const LocationResponse = Type.Object({
  id: Type.Integer(),
  regionCode: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
});
