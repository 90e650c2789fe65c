import { ageOn } from '../../platform/identifiers/age.js';
import type {
  BuildingListRow,
  EstateListRow,
  HouseholdListRow,
  HouseListRow,
  MemberRow,
} from './places.repository.js';
import type { BuildingKind, Gender, HouseUse, Relation, ResidentStatus } from './registry.vocabulary.js';

/** Pure presenters of the places (estates, buildings, houses, households): rows in, API views out. */

export interface AddressParts {
  estateName?: string | null | undefined;
  buildingNumber?: string | null | undefined;
  unit?: string | null | undefined;
  room?: string | null | undefined;
}

/**
 * The postal form people use: `枣林西小区 3号楼 2单元 301`. A bare number gets its word (`3` →
 * `3号楼`, `2` → `2单元`) so that `3 2 301` never reaches a letter; text already carrying one
 * (`3号楼`, `东单元`) is kept as typed. Missing parts are left out.
 */
export function formatAddress({ estateName, buildingNumber, unit, room }: AddressParts): string {
  const bare = /^[0-9A-Za-z]+$/;
  const parts = [
    estateName?.trim(),
    buildingNumber && bare.test(buildingNumber.trim())
      ? `${buildingNumber.trim()}号楼`
      : buildingNumber?.trim(),
    unit && bare.test(unit.trim()) ? `${unit.trim()}单元` : unit?.trim(),
    room?.trim(),
  ];
  return parts.filter((p): p is string => !!p).join(' ');
}

export const presentEstate = (r: EstateListRow) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  address: r.address,
  counts: { buildings: Number(r.building_count ?? 0) },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const presentBuilding = (r: BuildingListRow) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  estateId: r.estate_id,
  estateName: r.estate_name,
  number: r.number,
  kind: r.kind as BuildingKind,
  floors: r.floors,
  units: r.units,
  elevators: r.elevators,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  counts: {
    houses: Number(r.house_count ?? 0),
    households: Number(r.household_count ?? 0),
    residents: Number(r.resident_count ?? 0),
  },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const presentHouse = (r: HouseListRow) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  buildingId: r.building_id,
  buildingNumber: r.building_number,
  estateId: r.estate_id,
  estateName: r.estate_name,
  unit: r.unit,
  floor: r.floor,
  room: r.room,
  area: r.area,
  use: r.use as HouseUse,
  address: formatAddress({
    estateName: r.estate_name,
    buildingNumber: r.building_number,
    unit: r.unit,
    room: r.room,
  }),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A member as a house or household shows them: no ID or phone number, not even masked. */
export const presentMember = (r: MemberRow, today: string) => ({
  id: r.id,
  name: r.name,
  relation: r.relation as Relation | null,
  gender: r.gender as Gender,
  age: ageOn(r.birth_date, today),
  status: r.status as ResidentStatus,
});

export type MemberView = ReturnType<typeof presentMember>;

export const presentHousehold = (r: HouseholdListRow, members: MemberView[]) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  houseId: r.house_id,
  address:
    r.room === null
      ? null
      : formatAddress({
          estateName: r.estate_name,
          buildingNumber: r.building_number,
          unit: r.unit,
          room: r.room,
        }),
  number: r.number,
  note: r.note,
  members,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What the audit log keeps of a view: the record itself, not derived counts or member lists. */
export function audited<T extends object>(view: T): Omit<T, 'counts' | 'members' | 'households'> {
  const {
    counts: _c,
    members: _m,
    households: _h,
    ...rest
  } = view as T & {
    counts?: unknown;
    members?: unknown;
    households?: unknown;
  };
  return rest;
}
