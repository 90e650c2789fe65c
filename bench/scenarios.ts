import { communityCode, DISTRICT_CODE, streetCode } from '../src/db/seed/district.js';

/**
 * What `npm run bench` measures. Each scenario is one GET: `path` on the real server, called as
 * `bench_admin` (an admin scoped to the district 990101), and `baselinePath` on the bare baseline
 * (bench/baseline.ts), which runs the same SQL without the platform around it. The baseline has
 * no session, so it takes the caller's scope in the query string instead.
 *
 * A new scenario is one entry here, plus a route in bench/baseline.ts if its baseline is new.
 */
export interface Scenario {
  name: string;
  path: string;
  baselinePath: string;
  /** Sent without the session cookie (as a load balancer's health check is). */
  anonymous?: boolean;
}

const street = streetCode(7);
const community = communityCode(7, 3);
const caller = `callerScope=${DISTRICT_CODE}`;

export const SCENARIOS: Scenario[] = [
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
];
