import Fastify from 'fastify';
import { openDatabase } from '../src/db/database.js';
import { CODE_LENGTHS } from '../src/modules/regions/regions.levels.js';
import { childrenInScope, findRegions } from '../src/modules/regions/regions.repository.js';
import * as overview from '../src/modules/registry/overview.repository.js';
import * as residents from '../src/modules/registry/residents.repository.js';
import { listCatalog } from '../src/modules/registry/tags.repository.js';
import { listUsers } from '../src/modules/users/users.repository.js';
import { dateInShanghai, startOfMonth, startOfShanghaiDay } from '../src/platform/clock.js';
import { createPii } from '../src/platform/pii.js';
import { narrowScope } from '../src/platform/scope.js';
import { fieldVisitRoutes } from './fieldvisits-baseline.js';

/**
 * The bare baseline: the floor the real server is measured against. One Fastify app with no
 * auth, no schemas, no hooks and no logging, on the same database opened with the same driver
 * settings, answering each scenario with the same SQL the real endpoint runs for its data.
 * It calls the repository functions themselves, so the SQL is identical by construction.
 * What the real server does on top (session lookup, policy, the parent's existence check,
 * validation, serialisation by schema) is what the ratio in the benchmark table measures.
 *
 * Started by bench/run.ts as a child process: BENCH_BASELINE_DB (file or postgres://), PORT, and
 * BENCH_BASELINE_DATA_KEY (the server's JICENG_DATA_KEY: an ID number is found by its keyed hash).
 */
const url = process.env.BENCH_BASELINE_DB;
if (!url) throw new Error('BENCH_BASELINE_DB is required');
const pii = createPii(Buffer.from(process.env.BENCH_BASELINE_DATA_KEY ?? '', 'hex'));
// The server's driver settings, background checkpoints included.
const database = openDatabase({ url, backgroundCheckpoints: true });
const { db } = database;
const app = Fastify({ logger: false });

type Query = Record<string, string | undefined>;
const int = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

app.get('/health', async () => ({ status: 'ok', database: database.dialect }));

app.get('/regions', async (request) => {
  const { parent, callerScope = '' } = request.query as Query;
  return { items: await childrenInScope(db, parent ?? null, callerScope) };
});

app.get('/users', async (request) => {
  const q = request.query as Query;
  const page = await listUsers(db, q.callerScope ?? '', {
    scope: q.scope,
    page: int(q.page, 1),
    pageSize: int(q.pageSize, 20),
  });
  // The scope-name lookup of presentUsers (src/platform/auth/present-user.ts), same query.
  const scopes = [...new Set(page.items.map((u) => u.scope).filter((s) => s !== ''))];
  const names =
    scopes.length === 0
      ? []
      : await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', scopes).execute();
  const nameOf = new Map(names.map((r) => [r.code, r.name]));
  return {
    ...page,
    items: page.items.map(({ password_hash: _, ...u }) => ({ ...u, scope_name: nameOf.get(u.scope) })),
  };
});

/**
 * What the search box means, as `searchOf` in residents.service.ts tells it (a copy: the service
 * keeps it private). An ID number is found by its blind index, computed with the same key.
 */
function searchOf(raw: string | undefined): residents.ResidentFilter['search'] {
  const q = raw?.trim().replace(/[%_\\\s]/g, '') ?? '';
  if (q === '') return undefined;
  if (/^\d{17}[\dXx]$/.test(q)) return { by: 'idNumber', index: pii.blindIndex(q.toUpperCase()) };
  if (/^1\d{10}$/.test(q)) return { by: 'phone', index: pii.blindIndex(q) };
  if (/^\d{4}$/.test(q)) return { by: 'phoneTail', tail: q };
  if (/^[a-zA-Z]+$/.test(q)) return { by: 'pinyin', prefix: q.toLowerCase() };
  return { by: 'name', prefix: q };
}

/**
 * `GET /api/residents` and `GET /api/visits?overdue=true`: the filter the service builds
 * (`residentFilter`), the page and its count (`listResidents`), and the queries that complete
 * the page's rows for `presentResidents` (grid names, addresses, active tags) and the tag
 * catalog. Not done here: decrypting and masking the numbers, ages, the schema's serialisation.
 */
app.get('/residents', async (request) => {
  const q = request.query as Query;
  const scope = narrowScope(q.callerScope ?? '', q.regionCode);
  if (scope === null) return { items: [], total: 0 };
  const filter: residents.ResidentFilter = {
    scope,
    search: searchOf(q.q),
    ...(q.overdue ? { dueBy: new Date().toISOString() } : {}),
    deleted: false,
  };
  const page = await residents.listResidents(db, filter, {
    page: int(q.page, 1),
    pageSize: int(q.pageSize, 20),
  });
  const rows = page.items;
  const houseIds = [...new Set(rows.flatMap((r) => (r.house_id === null ? [] : [r.house_id])))];
  const [names, addresses, tags, catalog] = await Promise.all([
    residents.regionNames(db, [...new Set(rows.map((r) => r.region_code))]),
    residents.addressesOf(db, houseIds),
    residents.activeTagIds(
      db,
      rows.map((r) => r.id),
    ),
    listCatalog(db),
  ]);
  return {
    ...page,
    items: rows.map((r) => ({
      ...r,
      regionName: names.get(r.region_code),
      address: r.house_id === null ? null : addresses.get(r.house_id),
      tags: (tags.get(r.id) ?? []).map((id) => catalog.find((t) => t.id === id)?.code),
    })),
  };
});

/** `GET /api/registry/overview`: the queries of `regionOverview` (overview.service.ts). */
app.get('/overview', async (request) => {
  const q = request.query as Query;
  const prefix = narrowScope(q.callerScope ?? '', q.regionCode);
  if (prefix === null || prefix === '') return { residents: 0 };
  const now = new Date();
  const childLength = CODE_LENGTHS.find((n) => n > prefix.length) ?? prefix.length;
  const monthStart = startOfShanghaiDay(startOfMonth(dateInShanghai(now)));
  const [[region], figures, byTag, buildings, visitsThisMonth] = await Promise.all([
    findRegions(db, [prefix]),
    overview.figuresByChild(db, prefix, childLength, now.toISOString()),
    overview.residentsByTag(db, prefix),
    overview.countBuildings(db, prefix),
    overview.countVisitsSince(db, prefix, monthStart),
    listCatalog(db),
  ]);
  const codes = [
    ...new Set([...figures.residents.map((r) => r.code), ...figures.households.map((h) => h.code)]),
  ];
  const names = await findRegions(db, codes);
  return {
    region,
    residents: figures.residents.reduce((n, r) => n + Number(r.residents), 0),
    buildings,
    visitsThisMonth,
    byTag,
    children: figures.residents.map((r) => ({ ...r, name: names.find((n) => n.code === r.code)?.name })),
  };
});

// 调研报备 (issue 4): filing, and the month's load table.
fieldVisitRoutes(app, database);

await app.listen({ host: '127.0.0.1', port: int(process.env.PORT, 3100) });

async function shutdown() {
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
