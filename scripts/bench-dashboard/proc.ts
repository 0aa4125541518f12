/** Server processes for the dashboard bench: `node scripts/run.mjs --demo` as a user runs it, always stopped. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/support/server-process';
import { signIn, TEST_ADMIN } from '../../tests/support/stack';

const RUNNING = /running at http:\/\/[^:]+:(\d+)/;
const live = new Set<ChildProcess>();

export interface DemoServer {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Whether run.mjs rebuilt before starting (then a start-up time is not a plain start). */
  rebuilt(): boolean;
  /** Resolves when it prints its "running at" line; rejects when it exits first or after timeoutMs. */
  running(timeoutMs: number): Promise<void>;
  /** Signs in as the account it creates at start; resolves with the cookie (`livefolio_session=…`). */
  signIn(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Spawns the server (does not wait for it): a fresh DATA_DIR, loopback, an account to sign in with
 * (ADMIN_USERNAME / ADMIN_PASSWORD), the given extra environment.
 */
export async function spawnDemo(env: Record<string, string> = {}): Promise<DemoServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lf-bench-dash-'));
  let out = '';
  const child = spawn(process.execPath, ['scripts/run.mjs', '--demo'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: '1',
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a rebuild's npm/next children stop with it
  });
  live.add(child);
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => live.delete(child));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    output: () => out,
    rebuilt: () => /building once|rebuilding/i.test(out),
    async running(timeoutMs) {
      const start = Date.now();
      while (!RUNNING.test(out)) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${out.slice(-2000)}`);
        if (Date.now() - start > timeoutMs) throw new Error(`the server did not start in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    signIn: () => signIn(url, TEST_ADMIN),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal); // only this child's own group
  } catch {
    child.kill(signal);
  }
}

/** Last resort on exit: SIGKILL every server this process started and has not stopped. */
export function killStartedServers(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
}
