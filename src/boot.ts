import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { AppContext } from './platform/context.js';
import { createPii, loadDataKey } from './platform/pii.js';

export const sqliteFile = (config: Config) => path.join(config.dataDir, 'jiceng.db');

/** Opens the configured database and builds the context every service runs in. */
export function createContext(
  config: Config,
  options: { schema?: string; clock?: Clock; backgroundCheckpoints?: boolean } = {},
): AppContext {
  const database = openDatabase({
    url: config.databaseUrl || sqliteFile(config),
    schema: options.schema,
    backgroundCheckpoints: options.backgroundCheckpoints,
  });
  return {
    db: database.db,
    database,
    config,
    clock: options.clock ?? systemClock,
    pii: createPii(loadDataKey(config)),
  };
}
