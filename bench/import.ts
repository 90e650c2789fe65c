import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { BENCH_SECRETARY, benchScopes } from '../src/db/seed/district.js';
import {
  givenName,
  Random,
  randomSurname,
  syntheticIdNumber,
  syntheticMobile,
} from '../src/db/seed/random.js';
import { birthDateForAge } from '../src/db/seed/registry-demo.people.js';
import { residentColumns } from '../src/modules/registry/residents.import.js';
import { dateInShanghai } from '../src/platform/clock.js';
import { freePort, onExit, startNode, stopAll } from './processes.js';
import { login, prepareDatabase, root, seconds1, serverEnvironment } from './setup.js';

/**
 * `npm run bench -- --import`: a 100,000-row residents file in the template's layout, imported
 * through the real `POST /api/imports/residents` as `bench_secretary` into the grids of their
 * community, on a fresh database holding the district's regions, accounts, buildings and houses
 * (no residents). Measures the wall time of the request and the server process's peak resident
 * memory (VmHWM of /proc/<pid>/status). Targets (issue 3): under 30 s, under 500 MB.
 *
 * On PostgreSQL the fresh database is `<BENCH_DATABASE_URL's database>_import`, dropped and
 * created anew by each run (the role needs CREATEDB), or BENCH_IMPORT_DATABASE_URL as given.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 100_000);
const MB = 1024 * 1024;

/** A fresh, empty PostgreSQL database beside the benchmark's own. */
async function freshPostgres(pgUrl: string): Promise<string> {
  if (process.env.BENCH_IMPORT_DATABASE_URL) return process.env.BENCH_IMPORT_DATABASE_URL;
  const url = new URL(pgUrl);
  const name = `${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}_import`;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const quoted = client.escapeIdentifier(name);
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

interface Address {
  grid: string;
  estate: string | null;
  building: string;
  unit: string | null;
  room: string;
}

/** The flats of the community the rows go to, as the template names them. */
async function addressesOf(dbUrl: string, community: string): Promise<Address[]> {
  const database = openDatabase({ url: dbUrl });
  try {
    const rows = await database.db
      .selectFrom('houses')
      .innerJoin('buildings', 'buildings.id', 'houses.building_id')
      .leftJoin('estates', 'estates.id', 'buildings.estate_id')
      .select(['houses.region_code', 'estates.name', 'buildings.number', 'houses.unit', 'houses.room'])
      .where('houses.region_code', 'like', `${community}%`)
      .orderBy('houses.id')
      .execute();
    return rows.map((r) => ({
      grid: r.region_code,
      estate: r.name,
      building: r.number,
      unit: r.unit,
      room: r.room,
    }));
  } finally {
    await database.close();
  }
}

/** Writes the file as a user's spreadsheet holds it: the template's headers, text cells. */
async function writeResidentsFile(file: string, rows: number, addresses: Address[]) {
  const today = dateInShanghai(new Date());
  const columns = residentColumns('zh', today);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = book.addWorksheet('居民');
  sheet.addRow(columns.map((c) => `${c.header}${c.required ? '*' : ''}`)).commit();
  const rng = new Random(20_261_127);
  const ids = new Set<string>();
  const phones = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const gender = rng.chance(0.5) ? 'male' : 'female';
    const age = rng.int(0, 95);
    const birthDate = birthDateForAge(rng, today, age);
    const address = addresses[i % addresses.length] as Address;
    const values: Record<string, string | null> = {
      name: randomSurname(rng) + givenName(rng, gender, age),
      idNumber: syntheticIdNumber(
        rng,
        rng.pick(['620105', '620102', '621102', '410102']),
        birthDate,
        gender,
        ids,
      ),
      phone: age >= 16 && rng.chance(0.85) ? syntheticMobile(rng, phones) : null,
      grid: address.grid,
      hukou: rng.chance(0.8) ? '本地户籍' : '非本地户籍',
      status: '常住',
      relation: i % 3 === 0 ? '户主' : rng.pick(['配偶', '子女', '父母']),
      political: age >= 14 ? '群众' : null,
      work: age >= 22 && age < 60 ? '职员' : null,
      moveInDate: rng.chance(0.3) ? '2020-05-01' : null,
      birthDate: rng.chance(0.5) ? birthDate : null,
      estate: address.estate,
      building: address.building,
      unit: address.unit,
      room: address.room,
      note: null,
    };
    sheet.addRow(columns.map((c) => values[c.key] ?? null)).commit();
  }
  sheet.commit();
  await book.commit();
}

/** Resident memory now and at its peak since the process started, in MB (Linux). */
function memoryOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export async function runImportBenchmark(pgUrl: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-bench-import-'));
  onExit(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  try {
    const dbUrl = pgUrl ? await freshPostgres(pgUrl) : '';
    const port = await freePort();
    const serverEnv = serverEnvironment(dataDir, port, dbUrl);
    const { url } = await prepareDatabase(serverEnv, { registry: 'places' });
    const community = benchScopes().community;
    const file = path.join(dataDir, 'residents.xlsx');
    const written = Date.now();
    await writeResidentsFile(file, ROWS, await addressesOf(url, community));
    console.log(
      `file: ${ROWS} residents for the grids of ${community}, ${(fs.statSync(file).size / MB).toFixed(1)} MB (${seconds1(written)})`,
    );

    const server = `http://127.0.0.1:${port}`;
    const child = await startNode(
      path.join(root, 'src/server.ts'),
      serverEnv,
      `${server}/api/health`,
      path.join(dataDir, 'bench.log'),
    );
    const pid = child.pid as number;
    const headers = await login(server, BENCH_SECRETARY);
    const before = memoryOf(pid);
    const body = new FormData();
    body.append('file', await fs.openAsBlob(file), 'residents.xlsx');
    const cpus = os.cpus();
    console.log(
      `machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), node ${process.version}, ` +
        `load average ${os.loadavg()[0]?.toFixed(1)}, database: ${pgUrl ? 'postgres' : 'sqlite'}`,
    );
    const started = Date.now();
    const response = await fetch(`${server}/api/imports/residents`, { method: 'POST', headers, body });
    const answer = await response.text();
    const elapsed = (Date.now() - started) / 1000;
    const after = memoryOf(pid);
    if (response.status !== 200) throw new Error(`import: ${response.status} ${answer.slice(0, 2000)}`);
    console.log(`answer: ${answer}`);
    console.log(
      `import of ${ROWS} residents: ${elapsed.toFixed(1)} s (${Math.round(ROWS / elapsed)} rows/s), ` +
        `server memory before ${before.rss.toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB, ` +
        `load average ${os.loadavg()[0]?.toFixed(1)}`,
    );
  } finally {
    await stopAll();
  }
}
