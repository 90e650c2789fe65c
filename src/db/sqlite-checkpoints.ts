import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

// The worker's own connection checkpoints the write-ahead log into the database file, passively:
// that blocks neither readers nor the writer, and a busy moment is simply tried again.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ }
}, workerData.intervalMs);
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves SQLite's checkpoints off the event loop. By default the commit that takes the log past
 * 1,000 pages copies it into the database file, inside a request; better-sqlite3 runs on the
 * event loop, so every request in flight waits for it (measured: commit p99 16 ms, max 476 ms,
 * over 3,000 filings in a row; docs/benchmarks.md). Here a worker thread checkpoints every
 * `intervalMs` instead, and the log restarts from its beginning once it has been copied.
 * Returns the function that stops the worker.
 */
export function checkpointInBackground(sqlite: SQLite.Database, file: string, intervalMs = 500) {
  sqlite.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, intervalMs } });
  // Never what keeps a process alive.
  worker.unref();
  return async () => {
    const exited = once(worker, 'exit');
    worker.postMessage('stop');
    await exited;
  };
}
