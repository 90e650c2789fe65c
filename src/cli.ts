#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Command, InvalidArgumentError } from 'commander';
import { createContext, sqliteFile } from './boot.js';
import { loadConfig } from './config.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './db/seed/demo.js';
import { seedDistrict } from './db/seed/district.js';
import { seedFieldVisitHistory } from './db/seed/fieldvisits-history.js';
import { type DivisionSelection, loadDivisions } from './modules/regions/regions.divisions.js';
import { findUserByUsername } from './modules/users/users.repository.js';
import { createUser, resetPassword, unlockUser } from './modules/users/users.service.js';
import { type AppContext, systemActor } from './platform/context.js';
import { AppError } from './platform/errors.js';
import { message } from './platform/i18n.js';
import { isRole, type Role } from './platform/roles.js';

/** `jiceng <command>`: the operator's tool. Every change it makes is audited as the system actor. */
const config = loadConfig();
const DEPTHS: DivisionSelection['depth'][] = ['province', 'city', 'county', 'street', 'community'];
const actor = systemActor('cli');

async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = createContext(config);
  try {
    await migrateToLatest(ctx.database);
    return await work(ctx);
  } finally {
    await ctx.database.close();
  }
}

async function userId(ctx: AppContext, username: string): Promise<number> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw new Error(`no user named ${username}`);
  return user.id;
}

const role = (value: string): Role => {
  if (!isRole(value)) throw new InvalidArgumentError(`not a role: ${value}`);
  return value;
};

const program = new Command('jiceng').description('Jiceng 基层 — operator commands').showHelpAfterError();

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const ctx = createContext(config);
    const applied = await migrateToLatest(ctx.database);
    await ctx.database.close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  });

program
  .command('seed')
  .description('load generated data: the demo, or a district or research-visit history for benchmarks')
  .option('--scale <scale>', 'demo | district | field-visits', 'demo')
  .option('--filings <n>', 'field-visits: how many filings', (v) => Number(v), 1_000_000)
  .action((options: { scale: string; filings: number }) =>
    withContext(async (ctx) => {
      if (options.scale === 'demo') {
        const loaded = await seedDemo(ctx, config.demoPassword);
        console.log(loaded ? 'demo loaded' : 'accounts exist already: demo not loaded');
      } else if (options.scale === 'district') {
        const result = await seedDistrict(ctx, { password: config.demoPassword });
        console.log(`district: ${result.regions} regions, ${result.users} users`);
      } else if (options.scale === 'field-visits') {
        const result = await seedFieldVisitHistory(ctx, {
          filings: options.filings,
          onProgress: (line) => console.log(`  ${line}`),
        });
        console.log(
          result.filings
            ? `field visits: ${result.units} units added, ${result.filings} filings, ${result.countyRows} county rows`
            : `field visits: ${result.units} units added, the history was there already`,
        );
      } else {
        throw new InvalidArgumentError('--scale must be demo, district or field-visits');
      }
    }),
  );

program
  .command('regions <prefix>')
  .description('load the official division codes under a code prefix (e.g. 620105 for 安宁区)')
  .option('--depth <level>', 'province | city | county | street | community', 'community')
  .action((prefix: string, options: { depth: string }) =>
    withContext(async (ctx) => {
      if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(prefix))
        throw new InvalidArgumentError('not a region code');
      if (!DEPTHS.includes(options.depth as DivisionSelection['depth'])) {
        throw new InvalidArgumentError(`--depth must be one of ${DEPTHS.join(', ')}`);
      }
      const count = await loadDivisions(ctx, [
        { prefix, depth: options.depth as DivisionSelection['depth'] },
      ]);
      console.log(`${count} regions on the path to or under ${prefix} are loaded`);
    }),
  );

const user = program.command('user').description('manage accounts');

user
  .command('create <username>')
  .description('open an account; its password must be changed at first login')
  .requiredOption('--role <role>', 'one of the roles of DESIGN.md', role)
  .option('--scope <code>', "region code the account works in ('' for the whole country)", '')
  .option('--name <name>', 'display name')
  .option('--password <password>', 'initial password (generated when omitted)')
  .action((username: string, options: { role: Role; scope: string; name?: string; password?: string }) =>
    withContext(async (ctx) => {
      const result = await createUser(ctx, actor, {
        username,
        displayName: options.name ?? username,
        role: options.role,
        scope: options.scope,
        ...(options.password ? { password: options.password } : {}),
      });
      console.log(`created ${username} (${options.role}, scope ${result.user.scopeName})`);
      if (result.temporaryPassword) console.log(`temporary password: ${result.temporaryPassword}`);
    }),
  );

user
  .command('reset-password <username>')
  .description('set a new initial password and end the sessions of the account')
  .option('--password <password>', 'the new password (generated when omitted)')
  .action((username: string, options: { password?: string }) =>
    withContext(async (ctx) => {
      const result = await resetPassword(ctx, actor, await userId(ctx, username), {
        password: options.password,
      });
      console.log(`temporary password for ${username}: ${result.temporaryPassword}`);
    }),
  );

user
  .command('unlock <username>')
  .description('lift a lockout after failed logins')
  .action((username: string) =>
    withContext(async (ctx) => {
      await unlockUser(ctx, actor, await userId(ctx, username));
      console.log(`${username} unlocked`);
    }),
  );

program
  .command('backup <file>')
  .description('online backup of the SQLite database (prints the pg_dump command on PostgreSQL)')
  .action(async (file: string) => {
    if (config.databaseUrl) {
      console.log(`PostgreSQL: run  pg_dump --format=custom --file=${JSON.stringify(file)} "$DATABASE_URL"`);
      return;
    }
    const live = new SQLite(sqliteFile(config), { fileMustExist: true });
    // The online backup API copies a consistent snapshot while the server keeps serving.
    await live.backup(path.resolve(file));
    live.close();
    console.log(`backed up to ${path.resolve(file)}`);
  });

program
  .command('restore <file>')
  .description('replace the SQLite database with a backup (stop the server first)')
  .action(async (file: string) => {
    if (config.databaseUrl) {
      console.log(
        `PostgreSQL: run  pg_restore --clean --if-exists --dbname="$DATABASE_URL" ${JSON.stringify(file)}`,
      );
      return;
    }
    if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
    const source = new SQLite(file, { readonly: true, fileMustExist: true });
    const check = source.pragma('integrity_check', { simple: true });
    const ours = source.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get();
    if (check !== 'ok' || !ours) {
      source.close();
      throw new Error(`${file} is not a sound Jiceng backup (${String(check)})`);
    }
    fs.mkdirSync(config.dataDir, { recursive: true });
    await source.backup(sqliteFile(config));
    source.close();
    // A backup from an older version is brought up to the current schema at once.
    await withContext(async () => undefined);
    console.log(`restored ${file} into ${sqliteFile(config)}`);
  });

try {
  await program.parseAsync();
} catch (err) {
  const text = err instanceof AppError ? `${err.code}: ${message(err.code, 'en', err.params)}` : String(err);
  const details = err instanceof AppError && err.details ? ` ${JSON.stringify(err.details)}` : '';
  console.error(`jiceng: ${text}${details}`);
  process.exitCode = 1;
}
