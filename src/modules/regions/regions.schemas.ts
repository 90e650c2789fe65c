import { Type } from 'typebox';
import { RegionCode, Text } from '../../platform/schemas.js';
import type { RegionWithCount } from './regions.repository.js';

export const RegionSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    level: Type.Union(
      ['province', 'city', 'county', 'street', 'community', 'grid'].map((l) => Type.Literal(l)),
    ),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    childCount: Type.Integer(),
    /** Search results only: the ancestors' names, root first ("甘肃省 / 兰州市 / …"). */
    pathName: Type.Optional(Type.String()),
  },
  { $id: 'Region' },
);

export const RegionList = Type.Object({ items: Type.Array(Type.Ref('Region')) });

export const RegionDetail = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  childCount: Type.Integer(),
  path: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() })),
});

export const RegionListQuery = Type.Object({ parent: Type.Optional(RegionCode) });
export const RegionSearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) });
export const RegionParams = Type.Object({ code: RegionCode });
export const CreateGridBody = Type.Object(
  { parentCode: RegionCode, name: Text(40) },
  { additionalProperties: false },
);
export const RenameGridBody = Type.Object({ name: Text(40) }, { additionalProperties: false });

export const presentRegion = (r: RegionWithCount & { pathName?: string }) => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  childCount: r.child_count,
  ...(r.pathName === undefined ? {} : { pathName: r.pathName }),
});
