import { type Static, Type } from 'typebox';
import { Id, PageQuery, pageOf, RegionCode, StringEnum, Text } from '../../platform/schemas.js';
import { Clearable, GridCode, Latitude, Longitude, Nullable } from './places.schemas.js';
import { ORGANISATION_KINDS } from './registry.vocabulary.js';

/** Schemas of organisations 单位 and shops 商铺. */

export const OrganisationView = Type.Object({
  id: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String({ description: 'the grid' }),
  kind: StringEnum(ORGANISATION_KINDS),
  name: Type.String(),
  creditCode: Nullable(Type.String({ description: '统一社会信用代码 (GB 32100), upper case' })),
  category: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String({ description: 'masked: 138****5678' })),
  address: Nullable(Type.String()),
  buildingId: Nullable(Type.Integer()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type OrganisationView = Static<typeof OrganisationView>;
export const OrganisationPage = pageOf(OrganisationView);

export const OrganisationListQuery = Type.Object({
  regionCode: Type.Optional(RegionCode),
  kind: Type.Optional(StringEnum(ORGANISATION_KINDS)),
  q: Type.Optional(Type.String({ maxLength: 40, description: 'a name prefix, or a whole credit code' })),
  ...PageQuery,
});
export type OrganisationListQuery = Static<typeof OrganisationListQuery>;

const fields = {
  regionCode: GridCode,
  kind: StringEnum(ORGANISATION_KINDS),
  name: Text(100),
  // Checked by the service (GB 32100, mobile rules) so that the error names the problem.
  creditCode: Clearable(Type.String({ minLength: 1, maxLength: 40 })),
  category: Clearable(Text(40)),
  contactName: Clearable(Text(40)),
  contactPhone: Clearable(Type.String({ minLength: 1, maxLength: 30 })),
  address: Clearable(Text(200)),
  buildingId: Clearable(Id),
  lat: Clearable(Latitude),
  lng: Clearable(Longitude),
};
export const CreateOrganisationBody = Type.Object(fields, { additionalProperties: false });
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;
export const UpdateOrganisationBody = Type.Partial(Type.Object(fields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateOrganisationBody = Static<typeof UpdateOrganisationBody>;
