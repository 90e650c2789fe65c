import {
  BENCH_ADMIN,
  BENCH_DISTRICT,
  BENCH_GRID,
  BENCH_SECRETARY,
  benchScopes,
  communityCode,
  DISTRICT_CODE,
  streetCode,
} from '../src/db/seed/district.js';
import { BENCH_REPORTER, BENCH_REVIEWER, type FieldVisitSample, filingBody } from './fieldvisits-setup.js';

/**
 * What `npm run bench` measures. Each scenario is one GET (a POST when it has a body): `path` on
 * the real server, called as `user` (default `bench_admin`, an admin scoped to the district
 * 990101), and `baselinePath` on the bare baseline (bench/baseline.ts), which runs the same SQL
 * without the platform around it.
 * The baseline has no session, so it takes the caller's scope in the query string instead.
 *
 * A new scenario is one entry here, plus a route in bench/baseline.ts if its baseline is new.
 */
export interface Scenario {
  name: string;
  path: string;
  baselinePath: string;
  /** The account whose session the request carries; every one has the password of bench/run.ts. */
  user?: string;
  /** Sent without the session cookie (as a load balancer's health check is). */
  anonymous?: boolean;
  /**
   * A write: each request POSTs the JSON body of its number in the run (0, 1, 2, … per side),
   * `body` to the server and `baselineBody` to the baseline, and must be answered 201.
   */
  body?: (n: number) => unknown;
  baselineBody?: (n: number) => unknown;
}

/** Facts of the generated data a scenario needs and only the database knows. */
export interface Sample {
  /** The ID number of a resident of `bench_grid`'s grid (they are generated anew with each district). */
  idNumber: string;
  /** On the research-visit database (`--field-visits`) instead of the district: see fieldVisitScenarios. */
  fieldVisits?: FieldVisitSample;
}

const street = streetCode(7);
const community = communityCode(7, 3);
const caller = `callerScope=${DISTRICT_CODE}`;
// Where bench_secretary and bench_grid work: community 7-3 and its first grid.
const bench = benchScopes();
const asSecretary = `callerScope=${bench.community}`;
const asGrid = `callerScope=${bench.grid}`;
const q = (text: string) => `q=${encodeURIComponent(text)}`;

export function scenarios(sample: Sample): Scenario[] {
  return [
    {
      name: 'region tree: street → communities',
      path: `/api/regions?parent=${street}`,
      baselinePath: `/regions?parent=${street}&${caller}`,
    },
    {
      name: 'region tree: community → grids',
      path: `/api/regions?parent=${community}`,
      baselinePath: `/regions?parent=${community}&${caller}`,
    },
    {
      name: 'users: page 3 of the district',
      path: '/api/users?page=3&pageSize=20',
      baselinePath: `/users?page=3&pageSize=20&${caller}`,
    },
    {
      name: 'users: one community',
      path: `/api/users?scope=${community}`,
      baselinePath: `/users?scope=${community}&${caller}`,
    },
    // Two floors: the framework alone, and the framework plus the session lookup that every
    // logged-in request pays (one query joining sessions and users).
    { name: 'health, no session (floor)', path: '/api/health', baselinePath: '/health', anonymous: true },
    { name: 'health, with session', path: '/api/health', baselinePath: '/health' },

    // The registry of a million residents (issue 3).
    {
      name: 'residents: name 王秀, district',
      path: `/api/residents?${q('王秀')}`,
      baselinePath: `/residents?${q('王秀')}&${caller}`,
      user: BENCH_DISTRICT,
    },
    {
      name: 'residents: name 王秀, one grid',
      path: `/api/residents?${q('王秀')}`,
      baselinePath: `/residents?${q('王秀')}&${asGrid}`,
      user: BENCH_GRID,
    },
    {
      name: 'residents: initials wxl, district',
      path: `/api/residents?${q('wxl')}`,
      baselinePath: `/residents?${q('wxl')}&${caller}`,
      user: BENCH_DISTRICT,
    },
    {
      name: 'residents: ID number, district',
      path: `/api/residents?${q(sample.idNumber)}`,
      baselinePath: `/residents?${q(sample.idNumber)}&${caller}`,
      user: BENCH_DISTRICT,
    },
    {
      name: 'residents: grid list, page 3',
      path: `/api/residents?regionCode=${bench.grid}&page=3`,
      baselinePath: `/residents?regionCode=${bench.grid}&page=3&${asSecretary}`,
      user: BENCH_SECRETARY,
    },
    {
      name: 'visits: overdue, community',
      path: `/api/visits?overdue=true&regionCode=${bench.community}`,
      baselinePath: `/residents?overdue=1&regionCode=${bench.community}&${asSecretary}`,
      user: BENCH_SECRETARY,
    },
    {
      name: 'visits: overdue, district',
      path: '/api/visits?overdue=true',
      baselinePath: `/residents?overdue=1&${caller}`,
      user: BENCH_DISTRICT,
    },
    {
      name: 'overview: community',
      path: `/api/registry/overview?regionCode=${bench.community}`,
      baselinePath: `/overview?regionCode=${bench.community}&${asSecretary}`,
      user: BENCH_SECRETARY,
    },
  ].map((s) => ({ user: BENCH_ADMIN, ...s }));
}

/**
 * 调研报备 (issue 4), on the database of `npm run bench -- --field-visits` (bench/fieldvisits-setup.ts):
 * a million filings of history. Filing judges a new filing by every rule (locks and counts per
 * county, in one transaction) and stores it; the load table counts a month's filings per county.
 */
export function fieldVisitScenarios(sample: FieldVisitSample): Scenario[] {
  const { counties } = sample;
  return [
    {
      name: 'field visits: file, all rules',
      path: '/api/field-visits',
      baselinePath: '/field-visits',
      user: BENCH_REPORTER,
      body: (n) => filingBody(sample.server, counties, n),
      baselineBody: (n) => filingBody(sample.baseline, counties, n),
    },
    {
      name: `field visits: load table ${sample.busyMonth}`,
      path: `/api/field-visits/load?month=${sample.busyMonth}`,
      baselinePath: `/field-visits/load?month=${sample.busyMonth}&callerScope=53`,
      user: BENCH_REVIEWER,
    },
  ];
}
