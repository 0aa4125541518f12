/** The production server as a user runs it (`node scripts/run.mjs [--demo]`), in a child process tests can stop and restart. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_ADMIN, waitFor } from './stack';

const RUNNING = /running at http:\/\/[^:]+:(\d+)/;

/** A server process on a fixed port, so a restart comes back where clients expect it. */
export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Everything the current process printed. */
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts it again (after stop) on the same port and data. */
  start(): Promise<void>;
  /** Kills it for good and removes its data directory. */
  close(): Promise<void>;
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `npm run demo` (or `npm start` with demo: false) with its own data directory; waits until it listens.
 * Its account is TEST_ADMIN (ADMIN_USERNAME / ADMIN_PASSWORD) unless `env` says otherwise.
 */
export async function startServerProcess(
  options: { demo?: boolean; env?: Record<string, string | undefined>; startTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  let port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lf-process-'));
  let child: ChildProcess | null = null;
  let out = '';
  const start = async () => {
    out = '';
    const args = ['scripts/run.mjs', ...(options.demo === false ? [] : ['--demo'])];
    const proc = spawn(process.execPath, args, {
      env: {
        ...process.env,
        // A test's own DATABASE_URL (tests/support/services.ts) is not the server's: it stays on SQLite unless
        // `env` says otherwise.
        DATABASE_URL: undefined,
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_USERNAME: TEST_ADMIN.username,
        ADMIN_PASSWORD: TEST_ADMIN.password,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await waitFor(
      () => RUNNING.test(out) || proc.exitCode !== null,
      options.startTimeoutMs ?? 240_000,
      'the server',
    );
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}:\n${out}`);
  };
  const stop = (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    const proc: ChildProcess | null = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null)
      return Promise.resolve(proc?.exitCode ?? null);
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill(signal);
    return exited;
  };
  // Another process may take the free port between our check and the server's listen: pick another, at first
  // start only (a restart must come back on the same port).
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      break;
    } catch (error) {
      if (attempt >= 3 || !out.includes('EADDRINUSE')) throw error;
      port = await freePort();
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    output: () => out,
    start,
    stop,
    async close() {
      await stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
