import { buildApp } from './app.js';
import { createContext } from './boot.js';
import { loadConfig } from './config.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_ACCOUNTS, seedDemo } from './db/seed/demo.js';
import { visitReminders } from './modules/visits/reminders.job.js';
import { startHousekeeping } from './platform/housekeeping.js';
import { startDailyJobs } from './platform/jobs.js';

const config = loadConfig();
// A long-running server: SQLite's checkpoints go to a worker thread, off the requests' way.
const ctx = createContext(config, { backgroundCheckpoints: true });
await migrateToLatest(ctx.database);
const loaded = config.demo ? await seedDemo(ctx, config.demoPassword) : false;
const app = await buildApp(ctx);
const stopHousekeeping = startHousekeeping(ctx, app.log);
const stopDailyJobs = startDailyJobs(ctx, [visitReminders], app.log);
const address = await app.listen({ host: config.host, port: config.port });

const lines = [
  `Jiceng 基层 is running at ${address.replace('127.0.0.1', 'localhost')}  (database: ${ctx.database.dialect})`,
];
if (config.demo) {
  lines.push(
    loaded
      ? 'Demo data loaded. Demo accounts:'
      : 'Demo accounts (password as when the demo was first loaded):',
    ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(10)} ${a.role.padEnd(20)} ${a.displayName}`),
    `  password: ${config.demoPassword}`,
  );
}
lines.push('API docs: /api/docs   Stop: Ctrl+C');
console.log(lines.join('\n'));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  stopHousekeeping();
  stopDailyJobs();
  await app.close();
  await ctx.database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
