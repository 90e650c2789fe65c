import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `rounds` transactions of ~1 MB each into a fresh file, pausing between them. */
async function walAfterWrites(backgroundCheckpoints: boolean, rounds = 6) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-wal-'));
  dirs.push(dir);
  const file = path.join(dir, 'wal.db');
  const database = openDatabase({ url: file, backgroundCheckpoints });
  const sqlite = database.sqlite as NonNullable<typeof database.sqlite>;
  // Without the worker, nothing else checkpoints (as if every commit avoided the 1,000th page).
  if (!backgroundCheckpoints) sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec('create table t (v blob)');
  const insert = sqlite.prepare('insert into t (v) values (?)');
  const chunk = Buffer.alloc(4000, 7);
  let largest = 0;
  for (let round = 0; round < rounds; round++) {
    sqlite.transaction(() => {
      for (let i = 0; i < 250; i++) insert.run(chunk);
    })();
    largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
    await sleep(600);
  }
  const rows = (sqlite.prepare('select count(*) as n from t').get() as { n: number }).n;
  await database.close();
  return { largest, rows };
}

describe('SQLite checkpoints in the background', () => {
  it('keeps the write-ahead log small without a checkpoint inside any commit', async () => {
    const without = await walAfterWrites(false);
    const withWorker = await walAfterWrites(true);
    expect(withWorker.rows).toBe(6 * 250);
    // Without checkpoints the log holds every write (~6 MB); with the worker it is copied into
    // the database between rounds and restarts, so it never holds much more than two rounds.
    expect(without.largest).toBeGreaterThan(5_500_000);
    expect(withWorker.largest).toBeLessThan(3_000_000);
  });
});
