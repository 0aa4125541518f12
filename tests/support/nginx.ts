/**
 * Debian's nginx running deploy/nginx.conf (the balancer of compose.yaml's scaled profile) in front of test
 * instances: the file as shipped, with only the instances' addresses, the port and nginx's own paths replaced.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process';
import { waitFor } from './stack';

export const NGINX_CONF = join(import.meta.dirname, '../../deploy/nginx.conf');

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
  // Run as root, nginx's workers switch to an unprivileged user that must write its temporary files.
  chmodSync(dir, 0o777);
  for (const sub of ['body', 'proxy']) mkdirSync(join(dir, sub), { mode: 0o777 });
  const port = await freePort();
  let upstream = 0;
  const conf = readFileSync(NGINX_CONF, 'utf8')
    .replace(/server app\d:3000/g, () => `server 127.0.0.1:${ports[upstream++]}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(
      /http \{/,
      `http {\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n` +
        `  fastcgi_temp_path ${dir}/proxy;\n  uwsgi_temp_path ${dir}/proxy;\n  scgi_temp_path ${dir}/proxy;`,
    );
  if (upstream !== ports.length)
    throw new Error(`deploy/nginx.conf names ${upstream} instances, the test has ${ports.length}`);
  writeFileSync(join(dir, 'nginx.conf'), conf);
  let output = '';
  const proc = spawn(
    nginx,
    [
      '-p',
      dir,
      '-c',
      join(dir, 'nginx.conf'),
      '-g',
      `daemon off; pid ${dir}/nginx.pid; error_log stderr warn;`,
    ],
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
