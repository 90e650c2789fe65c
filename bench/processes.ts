import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * The child processes of a benchmark run (the real server and the baseline) and the clean-ups
 * (the temp data dir). Both happen whatever way the run ends: normally, on an error, or on
 * Ctrl+C; only a SIGKILL of this process leaves them behind.
 */
const children = new Set<ChildProcess>();
const cleanups: (() => void)[] = [];

/** Registers a synchronous clean-up for the end of the run. */
export const onExit = (cleanup: () => void) => cleanups.push(cleanup);

function killAll() {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}
process.on('exit', () => {
  killAll();
  for (const cleanup of cleanups.splice(0)) cleanup();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** Stops every child and waits (briefly) until they are gone. */
export async function stopAll(): Promise<void> {
  const exits = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000).unref();
      }),
  );
  killAll();
  await Promise.all(exits);
  children.clear();
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node --import tsx <script>` (one process, no npx or tsx wrapper in between, so that
 * the process measured is the process killed) with its output going to `logFile`, and waits
 * until `readyUrl` answers 200.
 */
export async function startNode(
  script: string,
  env: NodeJS.ProcessEnv,
  readyUrl: string,
  logFile: string,
): Promise<ChildProcess> {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  children.add(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(readyUrl)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${script} did not start; its output:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
}
