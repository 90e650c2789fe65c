import { type Static, type TSchema, Type } from 'typebox';
import { Id, PageQuery, pageOf, RegionCode, StringEnum, Text } from '../../platform/schemas.js';
import { BUILDING_KINDS, GENDERS, HOUSE_USES, RELATIONS, RESIDENT_STATUS } from './registry.vocabulary.js';

/** Schemas of the places: estates 小区, buildings 楼栋, houses 房屋 and households 户. */

/**
 * A value or null, written `type: [t, 'null']`. Not `anyOf [t, null]`: with the type coercion
 * the app's ajv runs, `anyOf [number, null]` turns a null into 0 whenever 0 is valid (ajv
 * coerces inside the first branch), so clearing a building's floors would set them to 0.
 */
export const Nullable = <T extends TSchema>(schema: T) => {
  const { type, enum: values } = schema as unknown as { type: string; enum?: unknown[] };
  return Type.Unsafe<Static<T> | null>({
    ...schema,
    type: [type, 'null'],
    ...(values ? { enum: [...values, null] } : {}),
  });
};
export const Clearable = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

export const GridCode = Type.String({ pattern: '^\\d{15}$', description: 'a grid (15 digits)' });
const CommunityOrGrid = Type.String({
  pattern: '^\\d{12}(\\d{3})?$',
  description: 'a community (12 digits) or a grid (15 digits)',
});
/** WGS-84 degrees; both or neither (checked by the service, which names the missing one). */
export const Latitude = Type.Number({ minimum: -90, maximum: 90, description: 'WGS-84 latitude' });
export const Longitude = Type.Number({ minimum: -180, maximum: 180, description: 'WGS-84 longitude' });
const Count = (maximum: number) => Type.Integer({ minimum: 0, maximum });
const Search = Type.Optional(Type.String({ maxLength: 40, description: 'name prefix' }));

export const IdParams = Type.Object({ id: Id });

const stamps = { createdAt: Type.String(), updatedAt: Type.String() };

// ---- estates

export const EstateView = Type.Object({
  id: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  counts: Type.Object({ buildings: Type.Integer() }),
  ...stamps,
});
export const EstatePage = pageOf(EstateView);

export const EstateListQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
  q: Search,
  ...PageQuery,
});
export type EstateListQuery = Static<typeof EstateListQuery>;

const estateFields = { regionCode: CommunityOrGrid, name: Text(60), address: Clearable(Text(200)) };
export const CreateEstateBody = Type.Object(estateFields, { additionalProperties: false });
export type CreateEstateBody = Static<typeof CreateEstateBody>;
export const UpdateEstateBody = Type.Partial(Type.Object(estateFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateEstateBody = Static<typeof UpdateEstateBody>;

// ---- buildings

export const BuildingView = Type.Object({
  id: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String({ description: 'the grid' }),
  estateId: Nullable(Type.Integer()),
  estateName: Nullable(Type.String()),
  number: Type.String(),
  kind: StringEnum(BUILDING_KINDS),
  floors: Nullable(Type.Integer()),
  units: Nullable(Type.Integer()),
  elevators: Nullable(Type.Integer()),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  counts: Type.Object({ houses: Type.Integer(), households: Type.Integer(), residents: Type.Integer() }),
  ...stamps,
});
export const BuildingPage = pageOf(BuildingView);

export const BuildingListQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
  estateId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 20, description: 'building number prefix' })),
  ...PageQuery,
});
export type BuildingListQuery = Static<typeof BuildingListQuery>;

const buildingFields = {
  regionCode: GridCode,
  estateId: Clearable(Id),
  number: Text(20),
  kind: StringEnum(BUILDING_KINDS),
  floors: Clearable(Count(200)),
  units: Clearable(Count(100)),
  elevators: Clearable(Count(100)),
  address: Clearable(Text(200)),
  lat: Clearable(Latitude),
  lng: Clearable(Longitude),
};
export const CreateBuildingBody = Type.Object(buildingFields, { additionalProperties: false });
export type CreateBuildingBody = Static<typeof CreateBuildingBody>;
export const UpdateBuildingBody = Type.Partial(Type.Object(buildingFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateBuildingBody = Static<typeof UpdateBuildingBody>;

// ---- houses and households

export const MemberView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  relation: Nullable(StringEnum(RELATIONS)),
  gender: StringEnum(GENDERS),
  age: Type.Integer(),
  status: StringEnum(RESIDENT_STATUS),
});

export const HouseView = Type.Object({
  id: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  buildingId: Type.Integer(),
  buildingNumber: Type.String(),
  estateId: Nullable(Type.Integer()),
  estateName: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  floor: Nullable(Type.Integer()),
  room: Type.String(),
  area: Nullable(Type.Integer({ description: 'hundredths of a square metre' })),
  use: StringEnum(HOUSE_USES),
  address: Type.String({ description: '枣林西小区 3号楼 2单元 301' }),
  ...stamps,
});
export const HousePage = pageOf(HouseView);

const householdFields = {
  id: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  houseId: Nullable(Type.Integer()),
  address: Nullable(Type.String()),
  number: Nullable(Type.String({ description: '户号' })),
  note: Nullable(Type.String()),
  members: Type.Array(MemberView, { description: 'not deleted; the head of the household first' }),
  ...stamps,
};
export const HouseholdView = Type.Object(householdFields);

export const HouseDetail = Type.Object({
  ...HouseView.properties,
  households: Type.Array(HouseholdView),
  otherResidents: Type.Array(MemberView, {
    description: 'people registered to the house outside any household',
  }),
});

const houseFields = {
  unit: Clearable(Text(20)),
  floor: Clearable(Type.Integer({ minimum: -10, maximum: 200 })),
  room: Text(20),
  area: Clearable(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'hundredths of a m²' })),
  use: StringEnum(HOUSE_USES),
};
export const CreateHouseBody = Type.Object(
  { buildingId: Id, ...houseFields },
  { additionalProperties: false },
);
export type CreateHouseBody = Static<typeof CreateHouseBody>;
/** A house does not move to another building: delete it and add it there. */
export const UpdateHouseBody = Type.Partial(Type.Object(houseFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateHouseBody = Static<typeof UpdateHouseBody>;

const householdBody = {
  houseId: Clearable(Id),
  regionCode: GridCode,
  number: Clearable(Text(30)),
  note: Clearable(Text(500)),
};
export const CreateHouseholdBody = Type.Object(
  { ...householdBody, regionCode: Type.Optional(GridCode) },
  { additionalProperties: false },
);
export type CreateHouseholdBody = Static<typeof CreateHouseholdBody>;
export const UpdateHouseholdBody = Type.Partial(Type.Object(householdBody), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateHouseholdBody = Static<typeof UpdateHouseholdBody>;
