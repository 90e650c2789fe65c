import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-cli-'));
const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-cli-restored-'));
const tsx = path.resolve('node_modules/.bin/tsx');

/** Runs the real CLI on the embedded database of `dir`. */
async function jiceng(args: string[], dir = dataDir) {
  const env = { ...process.env, JICENG_DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'development' };
  try {
    const { stdout } = await run(tsx, ['src/cli.ts', ...args], { env });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

const users = (file: string) => {
  const db = new SQLite(file, { readonly: true });
  const rows = db.prepare('select username, must_change_password, locked_until from users order by id').all();
  db.close();
  return rows as { username: string; must_change_password: number; locked_until: string | null }[];
};

afterAll(() => {
  for (const dir of [dataDir, restoredDir]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('jiceng CLI on SQLite', () => {
  it('migrates, seeds the demo once, and opens accounts that must change their password', async () => {
    expect((await jiceng(['migrate'])).out).toContain('0001_platform');
    expect((await jiceng(['migrate'])).out).toContain('up to date');
    expect((await jiceng(['seed'])).out).toContain('demo loaded');
    expect((await jiceng(['seed'])).out).toContain('not loaded');

    const created = await jiceng([
      'user',
      'create',
      'wangtong',
      '--role',
      'grid_worker',
      '--scope',
      '620105002009001',
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/temporary password: \S{8,}/);
    const wangtong = users(path.join(dataDir, 'jiceng.db')).find((u) => u.username === 'wangtong');
    expect(wangtong?.must_change_password).toBe(1);
  });

  it('refuses bad input with a clear message and a non-zero exit', async () => {
    const badRole = await jiceng(['user', 'create', 'x1', '--role', 'mayor']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.out).toContain('not a role: mayor');
    const wideScope = await jiceng(['user', 'create', 'x2', '--role', 'grid_worker', '--scope', '620105']);
    expect(wideScope.code).toBe(1);
    expect(wideScope.out).toContain('VALIDATION_FAILED');
    const nobody = await jiceng(['user', 'unlock', 'nobody']);
    expect(nobody.code).toBe(1);
    expect(nobody.out).toContain('no user named nobody');
  });

  it('resets a password and unlocks an account, and audits both as the system', async () => {
    const db = new SQLite(path.join(dataDir, 'jiceng.db'));
    db.prepare("update users set locked_until = '2999-01-01T00:00:00.000Z' where username = 'grid'").run();
    db.close();
    expect((await jiceng(['user', 'unlock', 'grid'])).out).toContain('grid unlocked');
    expect((await jiceng(['user', 'reset-password', 'staff'])).out).toMatch(
      /temporary password for staff: \S{8,}/,
    );
    const file = path.join(dataDir, 'jiceng.db');
    const grid = users(file).find((u) => u.username === 'grid');
    expect(grid?.locked_until).toBeNull();
    expect(users(file).find((u) => u.username === 'staff')?.must_change_password).toBe(1);
    const audit = new SQLite(file, { readonly: true });
    const actions = audit
      .prepare("select action, actor_name, ip from audit_log where actor_name = 'system'")
      .all();
    audit.close();
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'user.unlock', actor_name: 'system', ip: 'cli' },
        { action: 'user.reset_password', actor_name: 'system', ip: 'cli' },
      ]),
    );
  });

  it('backs up online and restores into another data folder', async () => {
    const backup = path.join(dataDir, 'backup.db');
    expect((await jiceng(['backup', backup])).code).toBe(0);
    expect(users(backup).map((u) => u.username)).toContain('wangtong');

    const restored = await jiceng(['restore', backup], restoredDir);
    expect(restored.code).toBe(0);
    expect(users(path.join(restoredDir, 'jiceng.db')).map((u) => u.username)).toContain('wangtong');

    fs.writeFileSync(path.join(dataDir, 'not-a-db.db'), 'hello');
    const refused = await jiceng(['restore', path.join(dataDir, 'not-a-db.db')], restoredDir);
    expect(refused.code).toBe(1);
    expect(users(path.join(restoredDir, 'jiceng.db')).map((u) => u.username)).toContain('wangtong');
  });

  it('loads the division codes of a county on request, idempotently', async () => {
    const first = await jiceng(['regions', '130402', '--depth', 'street']);
    expect(first.code).toBe(0);
    const db = new SQLite(path.join(dataDir, 'jiceng.db'), { readonly: true });
    const count = db
      .prepare("select count(*) n from regions where code like '130402%' and level = 'street'")
      .get() as { n: number };
    db.close();
    expect(count.n).toBeGreaterThan(5);
    expect((await jiceng(['regions', '1304x'])).code).not.toBe(0);
  });
});
