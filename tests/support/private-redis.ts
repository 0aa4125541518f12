/** A Redis server of a test's own, on a free loopback port, that the test may kill and start again. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface PrivateRedis {
  url: string;
  /** SIGKILL: gone at once, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `redis-server` (Debian's, on every machine of this project) with no persistence. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let proc: ChildProcess | null = null;
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    proc = started;
    // redis-server says so on its log (stdout) once it accepts connections.
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server on port ${port} did not start: ${log}`)),
        10_000,
      );
      started.stdout?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (!log.includes('Ready to accept connections')) return;
        clearTimeout(timer);
        started.stdout?.removeAllListeners('data');
        started.stdout?.resume();
        resolve();
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server on port ${port} exited (${code}): ${log}`));
      });
    });
  };
  const kill = async () => {
    const running = proc;
    proc = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  return { url, kill, start, close: kill };
}
