/**
 * Debian's nginx running deploy/nginx.conf (the balancer of compose.yaml's scaled profile) in front of test
 * instances: the file as shipped, with only the instances' addresses, the port and nginx's own paths replaced.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLocalNginxConf } from '../../scripts/nginx-local';
import { freePort } from './server-process';
import { waitFor } from './stack';

export { NGINX_CONF } from '../../scripts/nginx-local';

/** nginx's path, or null when it is not installed (Debian: apt-get install nginx-light). */
export function findNginx(): string | null {
  for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'])
    if (existsSync(path)) return path;
  return null;
}

/** True when nginx is there; under CI a missing nginx is a failure, as with Redis. */
export function nginxAvailable(): boolean {
  if (findNginx()) return true;
  if (process.env.CI)
    throw new Error('nginx is not installed, and CI needs it: apt-get install nginx-light (.ci/run does).');
  return false;
}

export interface Nginx {
  url: string;
  close(): Promise<void>;
}

/** Starts nginx with deploy/nginx.conf, its upstream servers replaced by `ports` (in order). */
export async function startNginx(ports: readonly number[]): Promise<Nginx> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'livefolio-nginx-'));
  const port = await freePort();
  const conf = writeLocalNginxConf(dir, port, ports);
  let output = '';
  const proc = spawn(
    nginx,
    ['-p', dir, '-c', conf, '-g', `daemon off; pid ${dir}/nginx.pid; error_log stderr warn;`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}:\n${output}`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    10_000,
    'nginx',
  );
  return {
    url,
    async close() {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
