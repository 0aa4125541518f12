/** `npm run demo` for the browser tests: one server per test file, started so that parallel files never build at once. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { sleep } from '../support/stack';

/** What `next build` prints when another build holds `.next/lock`; the second build then exits at once. */
const BUILD_LOCKED = /Another .*next build.* process is already running/;

// One lock per checkout: vitest runs test files in parallel workers, and `scripts/run.mjs` rebuilds when the
// sources are newer than the build. Two builds at once make the second fail, so a file waits for the other's.
const LOCK_DIR = join(
  tmpdir(),
  `livefolio-e2e-start-${createHash('sha1').update(process.cwd()).digest('hex').slice(0, 12)}.lock`,
);

/** Starts the demo server (building it first when the sources changed); at most one start at a time per checkout. */
export function startDemoServer(timeoutMs = 230_000): Promise<ServerProcess> {
  return serialized(timeoutMs, (startTimeoutMs) => startServerProcess({ demo: true, startTimeoutMs }));
}

/** Starts a stopped demo server again on its port and data, under the same rule as `startDemoServer`. */
export async function restartDemoServer(server: ServerProcess, timeoutMs = 120_000): Promise<void> {
  await serialized(timeoutMs, () => server.start());
}

// Runs a start under the lock; a build of a test file outside it (demo-command.test.ts) is waited out.
async function serialized<T>(timeoutMs: number, start: (timeoutMs: number) => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  await acquireLock(deadline);
  try {
    for (;;) {
      try {
        return await start(Math.max(deadline - Date.now(), 1));
      } catch (error) {
        if (!BUILD_LOCKED.test(String(error)) || Date.now() > deadline) throw error;
        await sleep(2_000);
      }
    }
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Stops the server for good and removes its data directory. */
export async function stopDemoServer(server: ServerProcess | undefined): Promise<void> {
  if (!server) return;
  await server.stop('SIGKILL');
  rmSync(server.dataDir, { recursive: true, force: true });
}

// mkdir is atomic: whoever creates the directory holds the lock. A holder that died leaves its pid behind.
async function acquireLock(deadline: number): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (holderIsGone()) rmSync(LOCK_DIR, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK_DIR}`);
    else await sleep(250);
  }
}

function holderIsGone(): boolean {
  let pid = NaN;
  try {
    pid = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
  } catch {
    // not written yet
  }
  if (!Number.isInteger(pid) || pid <= 0) {
    // Just created, unless it has been so for long: then its creator died in between.
    try {
      return Date.now() - statSync(LOCK_DIR).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
