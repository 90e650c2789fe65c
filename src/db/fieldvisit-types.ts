import type { Generated, Insertable, Selectable } from 'kysely';

/** The research-visit tables (migration 0004) as Kysely sees them; see types.ts for the conventions. */

export interface FvUnitTable {
  id: Generated<number>;
  name: string;
  kind: string;
  region_code: string | null;
  sort_order: Generated<number>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface FvDepartmentTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  active: Generated<number>;
  created_at: string;
}

export interface FvReporterTable {
  user_id: number;
  unit_id: number;
  department_id: number | null;
}

export interface FvThresholdsTable {
  id: Generated<number>;
  unit_county_window_days: number;
  unit_county_window_count: number;
  unit_county_year_count: number;
  headcount_max: number;
  county_month_max: number;
  result_due_days: number;
  created_at: string;
  created_by_name: string;
}

export interface FieldVisitTable {
  id: Generated<number>;
  unit_id: number;
  department_id: number | null;
  leader_name: string | null;
  leader_level: string | null;
  topic: string;
  purpose: string | null;
  start_date: string;
  end_date: string;
  /** JSON: [{countyCode, site}]. */
  stops: string;
  headcount: number;
  /** JSON: [{name, post}]. */
  members: Generated<string>;
  asks: string | null;
  explanation: string | null;
  urgent: Generated<number>;
  urgent_reason: string | null;
  status: string;
  thresholds_id: number;
  /** JSON: the warnings it was judged with. */
  warnings: Generated<string>;
  filed_by: number | null;
  filed_by_name: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  review_decision: string | null;
  review_comment: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  join_visit_id: number | null;
  result_findings: string | null;
  result_solved: string | null;
  result_at: string | null;
  /** The end date plus the result days of its thresholds (migration 0005). */
  result_due_date: string | null;
}

export interface FvJoinRequestTable {
  id: Generated<number>;
  visit_id: number;
  unit_id: number;
  department_id: number | null;
  message: string;
  /** pending | accepted | declined | withdrawn */
  status: string;
  requested_by: number | null;
  requested_by_name: string;
  created_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  comment: string | null;
}

export interface FvClashTable {
  id: Generated<number>;
  visit_id: number;
  county_code: string;
  reason: string;
  flagged_by: number | null;
  flagged_by_name: string;
  created_at: string;
}

export interface FieldVisitCountyTable {
  visit_id: number;
  county_code: string;
  unit_id: number;
  start_date: string;
  /** 1, or 0 once the filing is cancelled: cancelled filings count for nothing. */
  live: number;
}

export interface FieldVisitTables {
  fv_units: FvUnitTable;
  fv_departments: FvDepartmentTable;
  fv_reporters: FvReporterTable;
  fv_thresholds: FvThresholdsTable;
  field_visits: FieldVisitTable;
  field_visit_counties: FieldVisitCountyTable;
  fv_join_requests: FvJoinRequestTable;
  fv_clashes: FvClashTable;
}

export type FvUnitRow = Selectable<FvUnitTable>;
export type FvThresholdsRow = Selectable<FvThresholdsTable>;
export type FieldVisitRow = Selectable<FieldVisitTable>;
export type NewFieldVisit = Insertable<FieldVisitTable>;
export type FvJoinRequestRow = Selectable<FvJoinRequestTable>;
export type FvClashRow = Selectable<FvClashTable>;
