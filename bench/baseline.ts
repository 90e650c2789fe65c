import Fastify from 'fastify';
import { openDatabase } from '../src/db/database.js';
import { childrenInScope } from '../src/modules/regions/regions.repository.js';
import { listUsers } from '../src/modules/users/users.repository.js';

/**
 * The bare baseline: the floor the real server is measured against. One Fastify app with no
 * auth, no schemas, no hooks and no logging, on the same database opened with the same driver
 * settings, answering each scenario with the same SQL the real endpoint runs for its data.
 * It calls the repository functions themselves, so the SQL is identical by construction.
 * What the real server does on top (session lookup, policy, the parent's existence check,
 * validation, serialisation by schema) is what the ratio in the benchmark table measures.
 *
 * Started by bench/run.ts as a child process: BENCH_BASELINE_DB (file or postgres://), PORT.
 */
const url = process.env.BENCH_BASELINE_DB;
if (!url) throw new Error('BENCH_BASELINE_DB is required');
const database = openDatabase({ url });
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

await app.listen({ host: '127.0.0.1', port: int(process.env.PORT, 3100) });

async function shutdown() {
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
