import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The registry tables (migration 0002) as Kysely sees them; see types.ts for the conventions. */

interface Stamped {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EstateTable extends Stamped {
  id: Generated<number>;
  region_code: string;
  name: string;
  address: string | null;
}

export interface BuildingTable extends Stamped {
  id: Generated<number>;
  region_code: string;
  estate_id: number | null;
  number: string;
  kind: string;
  floors: number | null;
  units: number | null;
  elevators: number | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

export interface HouseTable extends Stamped {
  id: Generated<number>;
  region_code: string;
  building_id: number;
  unit: string | null;
  floor: number | null;
  room: string;
  /** Hundredths of a square metre. */
  area: number | null;
  use: string;
}

export interface OrganisationTable extends Stamped {
  id: Generated<number>;
  region_code: string;
  kind: string;
  name: string;
  credit_code: string | null;
  category: string | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  address: string | null;
  building_id: number | null;
  lat: number | null;
  lng: number | null;
}

export interface HouseholdTable extends Stamped {
  id: Generated<number>;
  region_code: string;
  house_id: number | null;
  number: string | null;
  note: string | null;
}

export interface ResidentTable extends Stamped {
  id: Generated<number>;
  region_code: string;
  household_id: number | null;
  house_id: number | null;
  relation: string | null;
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number_enc: string;
  id_number_index: string;
  phone_enc: string | null;
  phone_index: string | null;
  phone_tail: string | null;
  birth_date: string;
  gender: string;
  hukou: string;
  status: string;
  political: string | null;
  work: string | null;
  move_in_date: string | null;
  move_out_date: string | null;
  note: string | null;
  visit_interval_days: number | null;
  last_visit_at: string | null;
  visit_due_at: string | null;
}

export interface ResidentMoveTable {
  id: Generated<number>;
  resident_id: number;
  kind: string;
  from_region: string;
  to_region: string | null;
  date: string;
  note: string | null;
  actor_id: number | null;
  actor_name: string;
  at: string;
}

export interface CareTagTable {
  id: Generated<number>;
  code: string;
  name: string;
  category: string;
  risk_level: string;
  visit_interval_days: number;
  sensitive: number;
  /** JSON array of roles. */
  granted_roles: string;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface ResidentTagTable {
  id: Generated<number>;
  region_code: string;
  resident_id: number;
  tag_id: number;
  started_on: string;
  ended_on: string | null;
  reason: string | null;
  end_reason: string | null;
  tagged_by: number | null;
  tagged_by_name: string;
  ended_by_name: string | null;
  created_at: string;
}

export interface VisitTable {
  id: Generated<number>;
  region_code: string;
  resident_id: number;
  visitor_id: number | null;
  visitor_name: string;
  visited_at: string;
  mode: string;
  findings: string | null;
  needs: string | null;
  follow_up: string | null;
  major_change: number;
  created_at: string;
}

export interface RegionShapeTable {
  region_code: string;
  geometry: string;
  updated_at: string;
  updated_by: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  params: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface JobRunTable {
  job: string;
  run_on: string;
  started_at: string;
  finished_at: string | null;
}

export interface RegistryTables {
  estates: EstateTable;
  buildings: BuildingTable;
  houses: HouseTable;
  organisations: OrganisationTable;
  households: HouseholdTable;
  residents: ResidentTable;
  resident_moves: ResidentMoveTable;
  care_tags: CareTagTable;
  resident_tags: ResidentTagTable;
  visits: VisitTable;
  region_shapes: RegionShapeTable;
  notifications: NotificationTable;
  job_runs: JobRunTable;
}

export type ResidentRow = Selectable<ResidentTable>;
export type NewResident = Insertable<ResidentTable>;
export type ResidentUpdate = Updateable<ResidentTable>;
export type CareTagRow = Selectable<CareTagTable>;
export type ResidentTagRow = Selectable<ResidentTagTable>;
export type VisitRow = Selectable<VisitTable>;
export type BuildingRow = Selectable<BuildingTable>;
export type HouseRow = Selectable<HouseTable>;
export type EstateRow = Selectable<EstateTable>;
export type HouseholdRow = Selectable<HouseholdTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
