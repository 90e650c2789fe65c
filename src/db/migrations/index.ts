import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';

/**
 * Every migration, in order. A landed migration is never edited: add the next file here.
 * Listed statically (not read from the folder) so the same list works under tsx and in dist/.
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
};
