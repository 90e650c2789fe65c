import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';
import * as m0002 from './0002_registry.js';
import * as m0003 from './0003_registry_search.js';
import * as m0004 from './0004_field_visits.js';
import * as m0005 from './0005_field_visit_coordination.js';

/**
 * Every migration, in order. A landed migration is never edited: add the next file here.
 * Listed statically (not read from the folder) so the same list works under tsx and in dist/.
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_registry': m0002,
  '0003_registry_search': m0003,
  '0004_field_visits': m0004,
  '0005_field_visit_coordination': m0005,
};
